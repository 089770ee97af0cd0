package org.distribooze.flow;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 UTC timestamps that keep exactly the capture's precision: six fraction digits for a
 * microsecond capture, nine for a nanosecond one, so no digit is invented and none is lost. Unlike
 * {@link Instant#toString()}, trailing zeros are kept: {@code 2024-05-01T10:00:00.120000Z}.
 */
public final class CaptureTimestamps {

    private static final int MAX_DIGITS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400;
    // yyyy-MM-ddTHH:mm:ss and Z.
    private static final int WITHOUT_FRACTION = 20;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    private CaptureTimestamps() {
    }

    /** Formats nanoseconds since the epoch with {@code fractionDigits} (0 to 9) digits after the second. */
    public static String format(long epochNanos, int fractionDigits) {
        if (fractionDigits < 0 || fractionDigits > MAX_DIGITS) {
            throw new IllegalArgumentException("fraction digits must be 0 to 9, got " + fractionDigits);
        }
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int nanos = (int) Math.floorMod(epochNanos, NANOS_PER_SECOND);
        // Nanoseconds in a long span the years 1677 to 2262: always four digits, never a sign.
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));

        // Written digit by digit: a record needs two timestamps, and java.time's formatter costs as much as the
        // rest of the record.
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = new char[WITHOUT_FRACTION + (fractionDigits > 0 ? 1 + fractionDigits : 0)];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[19] = '.';
            // Cut, not rounded: the digits beyond the capture's precision are zeros anyway.
            digits(text, 20, nanos / POWERS_OF_TEN[MAX_DIGITS - fractionDigits], fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded, from {@code at}. */
    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}

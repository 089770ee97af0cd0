package org.distribooze.flow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * ISO-8601 UTC timestamps that keep exactly the capture's precision: six fraction digits for a
 * microsecond capture, nine for a nanosecond one, so no digit is invented and none is lost. Unlike
 * {@link Instant#toString()}, trailing zeros are kept: {@code 2024-05-01T10:00:00.120000Z}.
 */
public final class CaptureTimestamps {

    private static final int MAX_DIGITS = 9;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final DateTimeFormatter[] FORMATTERS = new DateTimeFormatter[MAX_DIGITS + 1];

    static {
        for (int digits = 0; digits <= MAX_DIGITS; digits++) {
            FORMATTERS[digits] = formatter(digits);
        }
    }

    private CaptureTimestamps() {
    }

    /** Formats nanoseconds since the epoch with {@code fractionDigits} (0 to 9) digits after the second. */
    public static String format(long epochNanos, int fractionDigits) {
        if (fractionDigits < 0 || fractionDigits > MAX_DIGITS) {
            throw new IllegalArgumentException("fraction digits must be 0 to 9, got " + fractionDigits);
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
        return FORMATTERS[fractionDigits].format(instant);
    }

    private static DateTimeFormatter formatter(int digits) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (digits > 0) {
            // appendFraction truncates, which is exact here: the nanoseconds came from whole microseconds.
            builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
        }
        return builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
    }
}

package org.distribooze.nifi;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes capture timestamps as ISO-8601 UTC instants with a fixed number of fraction digits, so a
 * microsecond capture reads {@code 2024-05-01T10:00:00.123000Z} rather than losing its trailing zeros
 * the way {@link java.time.Instant#toString()} does. No NiFi types: the command line can use it too.
 */
final class UtcTimestamps {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private UtcTimestamps() {
    }

    /**
     * @param epochNanos nanoseconds since 1970-01-01T00:00:00Z, negative before it
     * @param fractionDigits how many fraction-of-second digits to keep (0 to 9); extra digits are cut, not rounded,
     *                       because a capture's clock never had them
     */
    static String format(long epochNanos, int fractionDigits) {
        if (fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("fraction digits must be 0 to 9, got " + fractionDigits);
        }

        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        StringBuilder text = new StringBuilder(SECONDS.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)));

        if (fractionDigits > 0) {
            String nineDigits = String.format("%09d", nanos);
            text.append('.').append(nineDigits, 0, fractionDigits);
        }
        return text.append('Z').toString();
    }
}

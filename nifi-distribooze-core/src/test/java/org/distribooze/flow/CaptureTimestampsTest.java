package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CaptureTimestampsTest {

    // 1,700,000,000 s after the epoch is 2023-11-14 22:13:20 UTC (19,675 days + 80,000 s).
    private static final long SECOND = 1_700_000_000L * 1_000_000_000L;

    @Test
    void givenMicrosecondCapture_whenFormatted_thenSixDigitsAreKept() {
        assertEquals("2023-11-14T22:13:20.123456Z", CaptureTimestamps.format(SECOND + 123_456_000L, 6));
    }

    @Test
    void givenNanosecondCapture_whenFormatted_thenTrailingZerosAreKeptToNineDigits() {
        assertEquals("2023-11-14T22:13:20.000000100Z", CaptureTimestamps.format(SECOND + 100L, 9));
    }

    @Test
    void givenWholeSecondPrecision_whenFormatted_thenNoFractionIsWritten() {
        assertEquals("2023-11-14T22:13:20Z", CaptureTimestamps.format(SECOND, 0));
    }

    @Test
    void givenTimeBeforeTheEpoch_whenFormatted_thenTheFractionCountsForward() {
        assertEquals("1969-12-31T23:59:59.750000Z", CaptureTimestamps.format(-250_000_000L, 6));
    }

    @Test
    void givenTenDigits_whenFormatted_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> CaptureTimestamps.format(SECOND, 10));
    }

    @Test
    void givenTrailingZeros_whenFormatted_thenTheyAreKept() {
        assertEquals("2023-11-14T22:13:20.120000Z", CaptureTimestamps.format(SECOND + 120_000_000L, 6));
    }

    @Test
    void givenMoreDigitsThanAsked_whenFormatted_thenTheyAreCutNotRounded() {
        assertEquals("2023-11-14T22:13:20.999999Z", CaptureTimestamps.format(SECOND + 999_999_999L, 6));
    }

    @Test
    void givenOneNanosecondBeforeTheEpoch_whenFormatted_thenAllNineDigitsAreNines() {
        assertEquals("1969-12-31T23:59:59.999999999Z", CaptureTimestamps.format(-1L, 9));
    }

    @Test
    void givenTheEndsOfTheNanosecondRange_whenFormatted_thenTheyAreYears1677And2262() {
        assertEquals("1677-09-21T00:12:43.145224192Z", CaptureTimestamps.format(Long.MIN_VALUE, 9));
        assertEquals("2262-04-11T23:47:16.854775807Z", CaptureTimestamps.format(Long.MAX_VALUE, 9));
    }

    @Test
    void givenAnyInstantAndPrecision_whenFormatted_thenTheTextIsJavaTimes() {
        SplittableRandom random = new SplittableRandom(20_241_201);
        for (int i = 0; i < 200_000; i++) {
            long epochNanos = random.nextLong();
            int digits = random.nextInt(10);

            assertEquals(javaTime(epochNanos, digits), CaptureTimestamps.format(epochNanos, digits),
                    epochNanos + " with " + digits + " digits");
        }
    }

    /** What java.time writes for the instant: ISO date and time, the fraction cut to the digits, Z. */
    private static String javaTime(long epochNanos, int digits) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (digits > 0) {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
        }
        DateTimeFormatter formatter = builder.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
        return formatter.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}

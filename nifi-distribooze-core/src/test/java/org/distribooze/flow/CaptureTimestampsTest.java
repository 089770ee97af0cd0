package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}

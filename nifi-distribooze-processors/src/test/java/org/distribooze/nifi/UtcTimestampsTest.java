package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    // 2024-05-01T10:00:00Z is 1714557600 s after the epoch (date -u -d @1714557600).
    private static final long MAY_FIRST_TEN_O_CLOCK = 1_714_557_600L * 1_000_000_000L;

    @Test
    void givenMicrosecondCaptureWhenFormattedThenSixDigitsAreWritten() {
        assertEquals("2024-05-01T10:00:00.123456Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK + 123_456_000L, 6));
    }

    @Test
    void givenNanosecondCaptureWhenFormattedThenNineDigitsAreWritten() {
        assertEquals("2024-05-01T10:00:00.123456789Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK + 123_456_789L, 9));
    }

    @Test
    void givenTrailingZerosWhenFormattedThenTheyAreKept() {
        assertEquals("2024-05-01T10:00:00.120000Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK + 120_000_000L, 6));
        assertEquals("2024-05-01T10:00:00.000000Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK, 6));
    }

    @Test
    void givenMoreDigitsThanAskedWhenFormattedThenTheyAreCutNotRounded() {
        assertEquals("2024-05-01T10:00:00.999999Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK + 999_999_999L, 6));
    }

    @Test
    void givenNoFractionDigitsWhenFormattedThenNoDecimalPointIsWritten() {
        assertEquals("2024-05-01T10:00:00Z", UtcTimestamps.format(MAY_FIRST_TEN_O_CLOCK + 500_000_000L, 0));
    }

    @Test
    void givenInstantBeforeTheEpochWhenFormattedThenTheFractionCountsForward() {
        assertEquals("1969-12-31T23:59:59.999999999Z", UtcTimestamps.format(-1L, 9));
    }

    @Test
    void givenTenFractionDigitsWhenFormattedThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> UtcTimestamps.format(0L, 10));
        assertThrows(IllegalArgumentException.class, () -> UtcTimestamps.format(0L, -1));
    }
}

package org.distribooze.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcapngInterfaceTest {

    private static final int ETHERNET = 1;
    private static final int MICROSECONDS = 6;
    private static final int WHOLE_SECONDS = 0;
    private static final int BINARY_WHOLE_SECONDS = 0x80;

    @Test
    void givenMicrosecondUnits_whenConverted_thenNanosecondsAreAThousandTimesMore() {
        PcapngInterface iface = new PcapngInterface(ETHERNET, 65535, MICROSECONDS, 0);

        assertEquals(1_700_000_000_123_456_000L, iface.toNanos(1_700_000_000_123_456L));
    }

    @Test
    void givenAnOffset_whenConverted_thenItsSecondsAreAdded() {
        PcapngInterface iface = new PcapngInterface(ETHERNET, 65535, MICROSECONDS, 100);

        assertEquals(100_000_001_000L, iface.toNanos(1));
    }

    /**
     * 1.7e15 whole seconds is some 54 million years: nanoseconds since the epoch in a long end at
     * 2262-04-11T23:47:16.854775807Z (Long.MAX_VALUE), so the time stays there instead of wrapping into 2077.
     */
    @Test
    void givenSecondsPastWhatNanosecondsHold_whenConverted_thenTheTimeStaysAtTheEndOfTheRange() {
        long eonsAway = 1_700_000_000_000_000L;
        assertEquals(Long.MAX_VALUE, new PcapngInterface(ETHERNET, 0, WHOLE_SECONDS, 0).toNanos(eonsAway));
        assertEquals(Long.MAX_VALUE, new PcapngInterface(ETHERNET, 0, BINARY_WHOLE_SECONDS, 0).toNanos(-1L));
        assertEquals(Long.MAX_VALUE, new PcapngInterface(ETHERNET, 0, MICROSECONDS, 0).toNanos(-1L));
    }

    @Test
    void givenAnOffsetPastTheRange_whenConverted_thenTheTimeStaysAtTheEnd() {
        assertEquals(Long.MAX_VALUE, new PcapngInterface(ETHERNET, 0, MICROSECONDS, Long.MAX_VALUE).toNanos(5));
        assertEquals(Long.MIN_VALUE, new PcapngInterface(ETHERNET, 0, MICROSECONDS, Long.MIN_VALUE).toNanos(0));
    }
}

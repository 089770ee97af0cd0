package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.Frames;
import org.junit.jupiter.api.Test;

class FragmentTableTest {

    private static final int TCP = 6;
    private static final int UDP = 17;
    // Source then destination, as they sit in an IPv4 header.
    private static final byte[] ADDRESSES = Bytes.concat(Frames.address("192.0.2.1"), Frames.address("198.51.100.1"));

    @Test
    void givenMoreDatagramsThanTheCap_whenRemembered_thenTheOldestIsForgotten() {
        FragmentTable table = new FragmentTable(2, Long.MAX_VALUE);

        table.remember(ADDRESSES, 0, 4, TCP, 1, 10, 0);
        table.remember(ADDRESSES, 0, 4, TCP, 2, 20, 0);
        table.remember(ADDRESSES, 0, 4, TCP, 3, 30, 0);

        assertEquals(2, table.size());
        assertEquals(-1, table.flowOf(ADDRESSES, 0, 4, TCP, 1, 0));
        assertEquals(20, table.flowOf(ADDRESSES, 0, 4, TCP, 2, 0));
        assertEquals(30, table.flowOf(ADDRESSES, 0, 4, TCP, 3, 0));
    }

    @Test
    void givenThousandsOfDatagrams_whenRemembered_thenTheTableGrowsAndFindsEach() {
        FragmentTable table = new FragmentTable();

        for (int id = 0; id < 5000; id++) {
            table.remember(ADDRESSES, 0, 4, UDP, id, id + 1, 0);
        }

        assertEquals(5000, table.size());
        for (int id = 0; id < 5000; id++) {
            assertEquals(id + 1, table.flowOf(ADDRESSES, 0, 4, UDP, id, 0));
        }
    }

    @Test
    void givenCapReachedAfterGrowth_whenRemembered_thenEvictionKeepsTheNewest() {
        FragmentTable table = new FragmentTable(100, Long.MAX_VALUE);

        for (int id = 0; id < 250; id++) {
            table.remember(ADDRESSES, 0, 4, UDP, id, id, 0);
        }

        assertEquals(100, table.size());
        assertEquals(-1, table.flowOf(ADDRESSES, 0, 4, UDP, 149, 0));
        for (int id = 150; id < 250; id++) {
            assertEquals(id, table.flowOf(ADDRESSES, 0, 4, UDP, id, 0));
        }
    }

    @Test
    void givenTimeout_whenLookedUp_thenTheDatagramLivesExactlyThatLong() {
        FragmentTable table = new FragmentTable(16, 60);
        table.remember(ADDRESSES, 0, 4, TCP, 7, 3, 1000);

        assertEquals(3, table.flowOf(ADDRESSES, 0, 4, TCP, 7, 1060));
        assertEquals(-1, table.flowOf(ADDRESSES, 0, 4, TCP, 7, 1061));
    }

    @Test
    void givenSameDatagramAgain_whenRemembered_thenTheNewestFlowWins() {
        FragmentTable table = new FragmentTable();

        table.remember(ADDRESSES, 0, 4, TCP, 7, 3, 0);
        table.remember(ADDRESSES, 0, 4, TCP, 7, 4, 0);

        assertEquals(1, table.size());
        assertEquals(4, table.flowOf(ADDRESSES, 0, 4, TCP, 7, 0));
    }

    @Test
    void givenSameIdOtherProtocolOrDirection_whenLookedUp_thenNotFound() {
        FragmentTable table = new FragmentTable();
        byte[] reversed = Bytes.concat(Frames.address("198.51.100.1"), Frames.address("192.0.2.1"));

        table.remember(ADDRESSES, 0, 4, TCP, 7, 3, 0);

        assertEquals(-1, table.flowOf(ADDRESSES, 0, 4, UDP, 7, 0));
        assertEquals(-1, table.flowOf(reversed, 0, 4, TCP, 7, 0));
    }
}

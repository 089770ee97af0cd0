package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.Frames;
import org.junit.jupiter.api.Test;

class FlowTableTest {

    // Source then destination as in an IPv4 header, then the TCP ports: the bytes a flow is keyed on.
    private static final int ADDRESSES = 0;
    private static final int PORTS = 8;

    @Test
    void givenFlowsOverManyPages_whenCounted_thenEachKeepsItsOwnPacketsInFirstSeenOrder() {
        FlowTable table = new FlowTable(Binning.DEFAULT);
        int flows = 5000;

        // Flow i gets i % 3 + 1 packets of 40 + i % 1400 bytes each, the whole set twice over in two rounds.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < flows; i++) {
                for (int packet = 0; packet < i % 3 + 1; packet++) {
                    table.count(packet(i), ADDRESSES, 4, PORTS, Transport.TCP, 40 + i % 1400, 1000L * round + i, 6);
                }
            }
        }

        assertEquals(flows, table.size());
        List<FlowSummary> summaries = table.summaries();
        for (int i = 0; i < flows; i++) {
            FlowSummary flow = summaries.get(i);
            long packets = 2L * (i % 3 + 1);
            assertEquals(10000 + i, flow.sourcePort(), "flow " + i);
            assertEquals(packets, flow.packets(), "flow " + i);
            assertEquals(packets * (40 + i % 1400), flow.bytes(), "flow " + i);
            assertEquals(packets, flow.counts()[(40 + i % 1400) / 32], "flow " + i);
            assertEquals(i, flow.firstSeenNanos(), "flow " + i);
            assertEquals(1000L + i, flow.lastSeenNanos(), "flow " + i);
        }
    }

    @Test
    void givenAFullTable_whenANewFlowArrives_thenItIsRefusedAndKnownFlowsStillCount() {
        FlowTable table = new FlowTable(Binning.DEFAULT, 2);

        table.count(packet(0), ADDRESSES, 4, PORTS, Transport.TCP, 40, 0, 6);
        assertFalse(table.full());
        table.count(packet(1), ADDRESSES, 4, PORTS, Transport.TCP, 40, 0, 6);
        int refused = table.count(packet(2), ADDRESSES, 4, PORTS, Transport.TCP, 40, 0, 6);
        int known = table.count(packet(0), ADDRESSES, 4, PORTS, Transport.TCP, 40, 0, 6);

        assertTrue(table.full());
        assertEquals(FlowTable.REFUSED, refused);
        assertEquals(0, known);
        assertEquals(2, table.size());
        assertEquals(2, table.summaries().get(0).packets());
        assertEquals(1, table.summaries().get(1).packets());
    }

    @Test
    void givenABinPastFourBillionPackets_whenCounted_thenTheCountCarriesOnPastThirtyTwoBits() {
        FlowColumns columns = new FlowColumns(Binning.DEFAULT.binCount());
        columns.add(0);
        // 4,294,967,295: the largest unsigned 32-bit count.
        columns.presetCount(0, 5, -1);

        columns.count(0, 5, 100, 0, 6);
        columns.count(0, 5, 100, 0, 6);

        assertEquals(4_294_967_297L, columns.counts(0)[5]);
        assertEquals(0, columns.counts(0)[4]);
    }

    /** Addresses 192.0.2.1 > 198.51.100.1 and ports 10000 + i > 443: flow i's own key. */
    private static byte[] packet(int i) {
        return Bytes.concat(Frames.address("192.0.2.1"), Frames.address("198.51.100.1"), Bytes.u16(10000 + i),
                Bytes.u16(443));
    }
}

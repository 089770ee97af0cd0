package org.distribooze.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unidirectional flows keyed on raw packet bytes (addresses, ports, protocol) in an open-addressing table,
 * so a packet of a known flow costs a hash and a compare and creates nothing. Flows keep the order their
 * first packet was seen in; addresses become text only in {@link #summaries()}.
 */
public final class FlowTable {

    private static final int INITIAL_FLOWS = 1024;
    private static final int EMPTY = -1;

    private final Binning binning;
    private final KeyArena keys = new KeyArena(INITIAL_FLOWS);
    private final List<FlowCounters> flows = new ArrayList<>();
    private int[] hashes = new int[INITIAL_FLOWS];
    // Slots hold flow indexes; kept at most half full so probe runs stay short.
    private int[] slots = emptySlots(2 * INITIAL_FLOWS);

    public FlowTable(Binning binning) {
        this.binning = binning;
    }

    public int size() {
        return flows.size();
    }

    /**
     * Counts a packet in its flow, creating the flow when this is its first packet.
     *
     * @param addressOffset where the source address starts; the destination address follows it
     * @param addressLength 4 for IPv4, 16 for IPv6
     * @param portsOffset where the transport header's source and destination ports start
     * @return the flow's index, for {@link #countIn} (fragments after the first carry no ports)
     */
    public int count(byte[] packet, int addressOffset, int addressLength, int portsOffset, Transport transport,
            long ipLength, long timestampNanos, int timestampDigits) {
        int flow = flowOf(packet, addressOffset, addressLength, portsOffset, transport);
        countIn(flow, ipLength, timestampNanos, timestampDigits);
        return flow;
    }

    /** Counts one packet of {@code ipLength} bytes in a flow already seen. */
    public void countIn(int flow, long ipLength, long timestampNanos, int timestampDigits) {
        flows.get(flow).count(binning.binOf(ipLength), ipLength, timestampNanos, timestampDigits);
    }

    /** Every flow in first-seen order. The table must not be used afterwards: the counts are handed over. */
    public List<FlowSummary> summaries() {
        List<FlowSummary> summaries = new ArrayList<>(flows.size());
        for (int flow = 0; flow < flows.size(); flow++) {
            FlowCounters counters = flows.get(flow);
            summaries.add(new FlowSummary(
                    keys.sourceText(flow),
                    keys.tagHigh(flow),
                    keys.destinationText(flow),
                    keys.tagLow(flow),
                    counters.transport,
                    keys.addressLength(flow) == 4 ? 4 : 6,
                    counters.firstSeenNanos,
                    counters.lastSeenNanos,
                    counters.timestampDigits,
                    counters.packets,
                    counters.bytes,
                    counters.counts));
        }
        return summaries;
    }

    private int flowOf(byte[] packet, int addressOffset, int addressLength, int portsOffset, Transport transport) {
        int protocol = transport.protocolNumber();
        int ports = KeyArena.tagAt(packet, portsOffset);
        int hash = KeyArena.hash(packet, addressOffset, addressLength, protocol, ports);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != EMPTY) {
            int flow = slots[slot];
            if (hashes[flow] == hash && keys.matches(flow, packet, addressOffset, addressLength, protocol, ports)) {
                return flow;
            }
            slot = (slot + 1) & mask;
        }

        int flow = flows.size();
        if (flow == keys.capacity()) {
            grow();
            return flowOf(packet, addressOffset, addressLength, portsOffset, transport);
        }
        keys.store(flow, packet, addressOffset, addressLength, protocol, ports);
        hashes[flow] = hash;
        slots[slot] = flow;
        flows.add(new FlowCounters(transport, binning.binCount()));
        return flow;
    }

    private void grow() {
        int capacity = 2 * keys.capacity();
        keys.grow(capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        slots = emptySlots(2 * capacity);
        int mask = slots.length - 1;
        for (int flow = 0; flow < flows.size(); flow++) {
            int slot = hashes[flow] & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = flow;
        }
    }

    private static int[] emptySlots(int size) {
        int[] empty = new int[size];
        Arrays.fill(empty, EMPTY);
        return empty;
    }
}

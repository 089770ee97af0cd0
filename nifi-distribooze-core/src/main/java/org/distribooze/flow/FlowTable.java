package org.distribooze.flow;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Unidirectional flows keyed on raw packet bytes (addresses, ports, protocol) in an open-addressing table,
 * so a packet of a known flow costs a hash and a compare and creates nothing. Flows keep the order their
 * first packet was seen in; addresses become text only when {@link #summaries()} is read.
 *
 * <p>Memory per flow: 40 bytes of key, 16 to 32 bytes of index (kept at most half full, so probe runs stay
 * short) and the columns of {@link FlowColumns} (224 bytes with 48 bins), under 300 bytes in all, no object
 * per flow. At most {@code maxFlows} flows are kept: a packet that would start one more is refused, not
 * counted, and its flow is not remembered, so every later packet of it is refused too.
 */
public final class FlowTable {

    /** What {@link #count} returns for a packet of a new flow when the table already holds its maximum. */
    public static final int REFUSED = -2;

    private static final int INITIAL_SLOTS = 2 * KeyArena.PAGE_SLOTS;
    private static final long EMPTY = 0;

    private final BinFinder bins;
    private final int maxFlows;
    private final KeyArena keys = new KeyArena(KeyArena.PAGE_SLOTS);
    private final FlowColumns columns;
    // Each slot holds a flow's hash in the high 32 bits and its index + 1 in the low 32 bits; 0 is empty.
    private long[] slots = new long[INITIAL_SLOTS];
    private int size;

    /** A table without a limit on flows (short of the 2^31 an index can name). */
    public FlowTable(Binning binning) {
        this(binning, Integer.MAX_VALUE - 1);
    }

    public FlowTable(Binning binning, int maxFlows) {
        if (maxFlows < 1) {
            throw new IllegalArgumentException("at least one flow must fit, got " + maxFlows);
        }
        this.bins = BinFinder.of(binning);
        this.maxFlows = maxFlows;
        this.columns = new FlowColumns(binning.binCount());
    }

    public int size() {
        return size;
    }

    /** Whether the table holds its maximum number of flows, so a packet of a new flow would be refused. */
    public boolean full() {
        return size == maxFlows;
    }

    /**
     * Counts a packet in its flow, creating the flow when this is its first packet.
     *
     * @param addressOffset where the source address starts; the destination address follows it
     * @param addressLength 4 for IPv4, 16 for IPv6
     * @param portsOffset where the transport header's source and destination ports start
     * @return the flow's index, for {@link #countIn} (fragments after the first carry no ports), or
     *         {@link #REFUSED} when the flow is new and the table is full: then nothing was counted
     */
    public int count(byte[] packet, int addressOffset, int addressLength, int portsOffset, Transport transport,
            long ipLength, long timestampNanos, int timestampDigits) {
        int flow = flowOf(packet, addressOffset, addressLength, portsOffset, transport);
        if (flow != REFUSED) {
            countIn(flow, ipLength, timestampNanos, timestampDigits);
        }
        return flow;
    }

    /** Counts one packet of {@code ipLength} bytes in a flow already seen. */
    public void countIn(int flow, long ipLength, long timestampNanos, int timestampDigits) {
        columns.count(flow, bins.binOf(ipLength), ipLength, timestampNanos, timestampDigits);
    }

    /**
     * Every flow in first-seen order, as a view over the table: each summary is built when it is read, so a
     * caller that writes flows one by one never holds them twice. Counting more packets afterwards would
     * change what the view shows, so the table must not be used once it is read.
     */
    public List<FlowSummary> summaries() {
        return new Summaries();
    }

    private int flowOf(byte[] packet, int addressOffset, int addressLength, int portsOffset, Transport transport) {
        int protocol = transport.protocolNumber();
        int ports = KeyArena.tagAt(packet, portsOffset);
        int hash = KeyArena.hash(packet, addressOffset, addressLength, protocol, ports);
        long[] table = slots;
        int mask = table.length - 1;
        int slot = hash & mask;
        long entry;
        while ((entry = table[slot]) != EMPTY) {
            int flow = (int) entry - 1;
            if ((int) (entry >>> 32) == hash
                    && keys.matches(flow, packet, addressOffset, addressLength, protocol, ports)) {
                return flow;
            }
            slot = (slot + 1) & mask;
        }

        if (size == maxFlows) {
            return REFUSED;
        }
        int flow = size++;
        keys.grow(size);
        keys.store(flow, packet, addressOffset, addressLength, protocol, ports);
        columns.add(flow);
        table[slot] = (long) hash << 32 | flow + 1;
        if (2 * size > table.length) {
            rehash(2 * table.length);
        }
        return flow;
    }

    private void rehash(int length) {
        long[] grown = new long[length];
        int mask = length - 1;
        for (long entry : slots) {
            if (entry != EMPTY) {
                int slot = (int) (entry >>> 32) & mask;
                while (grown[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                grown[slot] = entry;
            }
        }
        slots = grown;
    }

    private Transport transportOf(int flow) {
        int protocol = keys.protocol(flow);
        for (Transport transport : Transport.values()) {
            if (transport.protocolNumber() == protocol) {
                return transport;
            }
        }
        throw new IllegalStateException("flow " + flow + " has protocol " + protocol + ", not a transport");
    }

    private final class Summaries extends AbstractList<FlowSummary> implements RandomAccess {

        @Override
        public FlowSummary get(int flow) {
            if (flow < 0 || flow >= size) {
                throw new IndexOutOfBoundsException("flow " + flow + " of " + size);
            }
            long[] counts = columns.counts(flow);
            long packets = 0;
            for (long count : counts) {
                packets += count;
            }
            return new FlowSummary(
                    keys.sourceText(flow),
                    keys.tagHigh(flow),
                    keys.destinationText(flow),
                    keys.tagLow(flow),
                    transportOf(flow),
                    keys.addressLength(flow) == 4 ? 4 : 6,
                    columns.firstSeenNanos(flow),
                    columns.lastSeenNanos(flow),
                    columns.timestampDigits(flow),
                    packets,
                    columns.bytes(flow),
                    counts);
        }

        @Override
        public int size() {
            return size;
        }
    }
}

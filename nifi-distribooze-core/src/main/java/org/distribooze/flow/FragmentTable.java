package org.distribooze.flow;

import java.util.Arrays;

/**
 * Which flow each fragmented datagram in flight belongs to, so fragments after the first, which carry no
 * ports, can be counted in the flow of their first fragment. A datagram is keyed by addresses, protocol
 * and identification (16 bits in IPv4, 32 in IPv6), as reassembly keys it.
 *
 * <p>Memory is bounded two ways. A datagram is forgotten {@code timeoutNanos} of capture time after its
 * first fragment (60 s by default, the IPv6 reassembly time of RFC 8200 and twice Linux's IPv4 default),
 * and at most {@code maxDatagrams} are kept (65,536 by default, under 5 MiB): past that the oldest first
 * fragment is forgotten. A fragment whose datagram was forgotten counts as unattributed.
 */
public final class FragmentTable {

    public static final int DEFAULT_MAX_DATAGRAMS = 1 << 16;
    public static final long DEFAULT_TIMEOUT_NANOS = 60_000_000_000L;

    private static final int INITIAL_CAPACITY = 64;
    private static final int NONE = -1;

    private final int maxDatagrams;
    private final long timeoutNanos;
    private KeyArena keys;
    private int[] hashes;
    private int[] flows;
    private long[] firstSeen;
    // Entries form a ring in the order they were remembered; buckets chain entries of equal hash.
    private int[] nextInBucket;
    private int[] buckets;
    private int oldest;
    private int size;

    public FragmentTable() {
        this(DEFAULT_MAX_DATAGRAMS, DEFAULT_TIMEOUT_NANOS);
    }

    public FragmentTable(int maxDatagrams, long timeoutNanos) {
        if (maxDatagrams < 1) {
            throw new IllegalArgumentException("at least one datagram must fit, got " + maxDatagrams);
        }
        this.maxDatagrams = maxDatagrams;
        this.timeoutNanos = timeoutNanos;
        allocate(Math.min(INITIAL_CAPACITY, maxDatagrams));
    }

    /** Datagrams currently remembered, expired ones included until they are pushed out. */
    public int size() {
        return size;
    }

    /**
     * Remembers the flow of a datagram whose first fragment was just counted, or {@link FlowTable#REFUSED}
     * when its flow table refused it, so that its later fragments get the same answer.
     */
    public void remember(byte[] packet, int addressOffset, int addressLength, int protocol, int id, int flow,
            long nowNanos) {
        int hash = KeyArena.hash(packet, addressOffset, addressLength, protocol, id);
        int entry = find(hash, packet, addressOffset, addressLength, protocol, id);
        if (entry != NONE) {
            // The same identification again (a retransmitted first fragment, or the id reused): newest wins.
            flows[entry] = flow;
            firstSeen[entry] = nowNanos;
            return;
        }

        if (size == capacity()) {
            if (capacity() < maxDatagrams) {
                grow();
            } else {
                forgetOldest();
            }
        }
        entry = (oldest + size) % capacity();
        keys.store(entry, packet, addressOffset, addressLength, protocol, id);
        hashes[entry] = hash;
        flows[entry] = flow;
        firstSeen[entry] = nowNanos;
        link(entry);
        size++;
    }

    /**
     * The flow remembered for a later fragment's datagram (possibly {@link FlowTable#REFUSED}), or -1 when its
     * first fragment was not seen or has expired.
     */
    public int flowOf(byte[] packet, int addressOffset, int addressLength, int protocol, int id, long nowNanos) {
        int hash = KeyArena.hash(packet, addressOffset, addressLength, protocol, id);
        int entry = find(hash, packet, addressOffset, addressLength, protocol, id);
        if (entry == NONE || nowNanos - firstSeen[entry] > timeoutNanos) {
            return NONE;
        }
        return flows[entry];
    }

    private int find(int hash, byte[] packet, int addressOffset, int addressLength, int protocol, int id) {
        for (int entry = buckets[hash & (buckets.length - 1)]; entry != NONE; entry = nextInBucket[entry]) {
            if (hashes[entry] == hash && keys.matches(entry, packet, addressOffset, addressLength, protocol, id)) {
                return entry;
            }
        }
        return NONE;
    }

    private int capacity() {
        return flows.length;
    }

    private void link(int entry) {
        int bucket = hashes[entry] & (buckets.length - 1);
        nextInBucket[entry] = buckets[bucket];
        buckets[bucket] = entry;
    }

    private void forgetOldest() {
        int entry = oldest;
        int bucket = hashes[entry] & (buckets.length - 1);
        if (buckets[bucket] == entry) {
            buckets[bucket] = nextInBucket[entry];
        } else {
            int previous = buckets[bucket];
            while (nextInBucket[previous] != entry) {
                previous = nextInBucket[previous];
            }
            nextInBucket[previous] = nextInBucket[entry];
        }
        oldest = (oldest + 1) % capacity();
        size--;
    }

    private void grow() {
        KeyArena oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldFlows = flows;
        long[] oldFirstSeen = firstSeen;
        int oldCapacity = capacity();
        allocate((int) Math.min(maxDatagrams, 2L * oldCapacity));

        // Copy in ring order so the oldest entry lands at 0 and the ring stays in remembering order.
        for (int i = 0; i < size; i++) {
            int from = (oldest + i) % oldCapacity;
            keys.copyFrom(oldKeys, from, i);
            hashes[i] = oldHashes[from];
            flows[i] = oldFlows[from];
            firstSeen[i] = oldFirstSeen[from];
            link(i);
        }
        oldest = 0;
    }

    private void allocate(int capacity) {
        keys = new KeyArena(capacity);
        hashes = new int[capacity];
        flows = new int[capacity];
        firstSeen = new long[capacity];
        nextInBucket = new int[capacity];
        buckets = new int[Integer.highestOneBit(capacity) << 1];
        Arrays.fill(buckets, NONE);
    }
}

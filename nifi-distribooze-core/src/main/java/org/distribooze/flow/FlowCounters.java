package org.distribooze.flow;

/** What one flow has carried so far; created when the flow's first packet is seen, then only updated. */
final class FlowCounters {

    final Transport transport;
    final long[] counts;
    long packets;
    long bytes;
    long firstSeenNanos = Long.MAX_VALUE;
    long lastSeenNanos = Long.MIN_VALUE;
    int timestampDigits;

    FlowCounters(Transport transport, int bins) {
        this.transport = transport;
        this.counts = new long[bins];
    }

    void count(int bin, long ipLength, long timestampNanos, int digits) {
        counts[bin]++;
        packets++;
        bytes += ipLength;
        // Min and max rather than first and last: capture order is not always time order.
        firstSeenNanos = Math.min(firstSeenNanos, timestampNanos);
        lastSeenNanos = Math.max(lastSeenNanos, timestampNanos);
        timestampDigits = Math.max(timestampDigits, digits);
    }
}

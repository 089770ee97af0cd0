package org.distribooze.flow;

/**
 * One unidirectional flow as it leaves extraction: its 5-tuple, when it was seen, how much it carried
 * and its packet-length histogram. Timestamps are nanoseconds since the epoch (UTC);
 * {@code timestampDigits} is how many fraction-of-second digits the capture really recorded
 * (6 for microsecond pcap, 9 for nanosecond), so output can keep the capture's precision.
 *
 * @param counts packets per bin, {@link Binning#binCount()} long; they add up to {@code packets}
 */
public record FlowSummary(
        String sourceAddress,
        int sourcePort,
        String destinationAddress,
        int destinationPort,
        Transport transport,
        int ipVersion,
        long firstSeenNanos,
        long lastSeenNanos,
        int timestampDigits,
        long packets,
        long bytes,
        long[] counts) {
}

package org.distribooze.decode;

import java.util.SortedSet;

import org.distribooze.capture.CaptureFormat;

/**
 * Packet accounting for one capture. Every packet read is either counted in a flow or skipped for
 * exactly one reason: {@code packetsRead == packetsCounted + the five skipped counts}.
 *
 * @param linkTypes the LINKTYPE numbers of the interfaces that carried packets
 * @param truncated the capture ends inside a record, or reading stopped at a record that cannot be trusted; the
 *        complete packets before it were counted
 * @param skippedFlowLimit packets of flows first seen when the capture already had its maximum number of flows
 *        ({@link ExtractionOptions#maxFlows()}), later fragments of their datagrams included
 * @param truncation where and why reading stopped early, e.g. a record cut short or a block naming an interface
 *        its section never described; null when the capture was read to its end
 */
public record ExtractionStats(
        CaptureFormat format,
        SortedSet<Integer> linkTypes,
        long packetsRead,
        long packetsCounted,
        long skippedNotIp,
        long skippedOtherTransport,
        long skippedUnattributedFragment,
        long skippedCutShort,
        boolean truncated,
        long skippedFlowLimit,
        String truncation) {

    /** Accounting of an extraction that never reached its flow limit. */
    public ExtractionStats(CaptureFormat format, SortedSet<Integer> linkTypes, long packetsRead, long packetsCounted,
            long skippedNotIp, long skippedOtherTransport, long skippedUnattributedFragment, long skippedCutShort,
            boolean truncated) {
        this(format, linkTypes, packetsRead, packetsCounted, skippedNotIp, skippedOtherTransport,
                skippedUnattributedFragment, skippedCutShort, truncated, 0, null);
    }

    /** Whether packets were skipped because the capture had more flows than the limit allowed. */
    public boolean flowLimitReached() {
        return skippedFlowLimit > 0;
    }
}

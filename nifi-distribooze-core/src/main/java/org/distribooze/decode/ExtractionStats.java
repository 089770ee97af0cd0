package org.distribooze.decode;

import java.util.SortedSet;

import org.distribooze.capture.CaptureFormat;

/**
 * Packet accounting for one capture. Every packet read is either counted in a flow or skipped for
 * exactly one reason: {@code packetsRead == packetsCounted + the four skipped counts}.
 *
 * @param linkTypes the LINKTYPE numbers of the interfaces that carried packets
 * @param truncated the capture ends inside a record; the complete packets before it were counted
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
        boolean truncated) {
}

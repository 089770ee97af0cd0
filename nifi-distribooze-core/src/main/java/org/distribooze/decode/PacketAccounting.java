package org.distribooze.decode;

import java.util.BitSet;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import org.distribooze.capture.CaptureFormat;

/** Tallies packets by outcome and the link types they came on, for {@link ExtractionStats}. */
final class PacketAccounting {

    private final long[] outcomes = new long[PacketOutcome.values().length];
    private final BitSet linkTypes = new BitSet();
    private long read;

    void record(int linkType, PacketOutcome outcome) {
        read++;
        linkTypes.set(linkType);
        outcomes[outcome.ordinal()]++;
    }

    ExtractionStats stats(CaptureFormat format, String truncation) {
        SortedSet<Integer> types = new TreeSet<>();
        linkTypes.stream().forEach(types::add);
        return new ExtractionStats(
                format,
                Collections.unmodifiableSortedSet(types),
                read,
                outcomes[PacketOutcome.COUNTED.ordinal()],
                outcomes[PacketOutcome.NOT_IP.ordinal()],
                outcomes[PacketOutcome.OTHER_TRANSPORT.ordinal()],
                outcomes[PacketOutcome.UNATTRIBUTED_FRAGMENT.ordinal()],
                outcomes[PacketOutcome.CUT_SHORT.ordinal()],
                truncation != null,
                outcomes[PacketOutcome.FLOW_LIMIT.ordinal()],
                truncation);
    }
}

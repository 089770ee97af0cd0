package org.distribooze.decode;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
import org.distribooze.testsupport.PcapBytes;

/** Shortcuts for the crafted extraction tests. */
final class Extraction {

    static final int ETHERNET = 1;

    private Extraction() {
    }

    /** Extracts with the given transports (both when none are given). */
    static ExtractionResult extract(byte[] capture, Transport... transports) throws Exception {
        Set<Transport> selected = transports.length == 0 ? EnumSet.allOf(Transport.class) : Set.of(transports);
        return new FlowExtractor(new ExtractionOptions(selected, Binning.DEFAULT))
                .extract(new ByteArrayInputStream(capture));
    }

    /** A little-endian microsecond pcap with one whole frame per record, frame i at second i. */
    static byte[] pcap(int linkType, byte[]... frames) {
        PcapBytes pcap = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 262144, linkType);
        for (int i = 0; i < frames.length; i++) {
            pcap.record(i, 0, frames[i]);
        }
        return pcap.bytes();
    }

    static FlowSummary onlyFlow(ExtractionResult result) {
        List<FlowSummary> flows = result.flows();
        if (flows.size() != 1) {
            throw new AssertionError("expected one flow, got " + flows);
        }
        return flows.get(0);
    }

    static String endpoints(FlowSummary flow) {
        return flow.transport() + " " + flow.sourceAddress() + " " + flow.sourcePort() + " > "
                + flow.destinationAddress() + " " + flow.destinationPort();
    }

    static long skipped(ExtractionStats stats) {
        return stats.skippedNotIp() + stats.skippedOtherTransport() + stats.skippedUnattributedFragment()
                + stats.skippedCutShort() + stats.skippedFlowLimit();
    }
}

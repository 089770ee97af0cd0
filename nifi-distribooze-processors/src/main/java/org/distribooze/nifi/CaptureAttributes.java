package org.distribooze.nifi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.distribooze.decode.ExtractionStats;

/** The capture.* and packets.* attributes: what a capture was and where each of its packets went. */
final class CaptureAttributes {

    static final String FORMAT = "capture.format";
    static final String LINK_TYPES = "capture.link.types";
    static final String TRUNCATED = "capture.truncated";
    static final String TRUNCATION = "capture.truncation.reason";
    static final String PACKETS_READ = "packets.read";
    static final String PACKETS_COUNTED = "packets.counted";
    static final String SKIPPED_NOT_IP = "packets.skipped.not.ip";
    static final String SKIPPED_OTHER_TRANSPORT = "packets.skipped.other.transport";
    static final String SKIPPED_UNATTRIBUTED_FRAGMENT = "packets.skipped.unattributed.fragment";
    static final String SKIPPED_CUT_SHORT = "packets.skipped.cut.short";
    static final String SKIPPED_FLOW_LIMIT = "packets.skipped.flow.limit";
    static final String FLOWS_LIMIT_REACHED = "flows.limit.reached";

    private CaptureAttributes() {
    }

    static Map<String, String> of(ExtractionStats stats) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(FORMAT, stats.format().name());
        attributes.put(LINK_TYPES, stats.linkTypes().stream().map(String::valueOf).collect(Collectors.joining(",")));
        attributes.put(TRUNCATED, String.valueOf(stats.truncated()));
        if (stats.truncation() != null) {
            attributes.put(TRUNCATION, stats.truncation());
        }
        attributes.put(PACKETS_READ, String.valueOf(stats.packetsRead()));
        attributes.put(PACKETS_COUNTED, String.valueOf(stats.packetsCounted()));
        attributes.put(SKIPPED_NOT_IP, String.valueOf(stats.skippedNotIp()));
        attributes.put(SKIPPED_OTHER_TRANSPORT, String.valueOf(stats.skippedOtherTransport()));
        attributes.put(SKIPPED_UNATTRIBUTED_FRAGMENT, String.valueOf(stats.skippedUnattributedFragment()));
        attributes.put(SKIPPED_CUT_SHORT, String.valueOf(stats.skippedCutShort()));
        attributes.put(SKIPPED_FLOW_LIMIT, String.valueOf(stats.skippedFlowLimit()));
        attributes.put(FLOWS_LIMIT_REACHED, String.valueOf(stats.flowLimitReached()));
        return attributes;
    }
}

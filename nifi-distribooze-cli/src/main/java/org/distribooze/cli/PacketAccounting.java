package org.distribooze.cli;

import java.util.ArrayList;
import java.util.List;

import org.distribooze.capture.CaptureFormat;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionStats;

/** One line per capture saying what was read and where every packet went. */
final class PacketAccounting {

    private PacketAccounting() {
    }

    /** E.g. {@code ssh.pcap: pcap (ns), 291 packets, 193 in 28 flows; skipped 51 not IP, 47 other transport}. */
    static String line(String capture, ExtractionStats stats, int flows) {
        StringBuilder line = new StringBuilder()
                .append(capture).append(": ").append(formatName(stats.format()))
                .append(", ").append(stats.packetsRead()).append(stats.packetsRead() == 1 ? " packet, " : " packets, ")
                .append(stats.packetsCounted()).append(" in ").append(flows).append(flows == 1 ? " flow" : " flows");

        List<String> skipped = new ArrayList<>();
        addIfAny(skipped, stats.skippedNotIp(), "not IP");
        addIfAny(skipped, stats.skippedOtherTransport(), "other transport");
        addIfAny(skipped, stats.skippedUnattributedFragment(), "fragments without ports");
        addIfAny(skipped, stats.skippedCutShort(), "cut short");
        addIfAny(skipped, stats.skippedFlowLimit(), "of flows past the " + ExtractionOptions.DEFAULT_MAX_FLOWS
                + " flow limit");
        if (!skipped.isEmpty()) {
            line.append("; skipped ").append(String.join(", ", skipped));
        }

        if (stats.truncated()) {
            line.append("; reading stopped early: ").append(stats.truncation());
        }
        return line.toString();
    }

    private static void addIfAny(List<String> skipped, long packets, String reason) {
        if (packets > 0) {
            skipped.add(packets + " " + reason);
        }
    }

    private static String formatName(CaptureFormat format) {
        return switch (format) {
            case PCAP -> "pcap";
            case PCAP_NANOSECOND -> "pcap (ns)";
            case PCAPNG -> "pcapng";
        };
    }
}

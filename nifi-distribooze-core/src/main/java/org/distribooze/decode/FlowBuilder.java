package org.distribooze.decode;

import java.util.List;
import java.util.Set;

import org.distribooze.capture.CaptureReader;
import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.FlowTable;
import org.distribooze.flow.FragmentTable;
import org.distribooze.flow.Transport;

/**
 * Decodes each packet down to its transport header and counts it in its unidirectional flow. Fragments
 * after the first are counted in the flow of their datagram's first fragment when it was seen. Packets of
 * flows the table refused (it held its maximum) are skipped for that reason, fragments included.
 */
final class FlowBuilder {

    private static final int PORTS_LENGTH = 4;

    private final boolean tcp;
    private final boolean udp;
    private final IpDecoder ip = new IpDecoder();
    private final FlowTable flows;
    private final FragmentTable fragments = new FragmentTable();

    FlowBuilder(Set<Transport> transports, Binning binning, int maxFlows) {
        this.tcp = transports.contains(Transport.TCP);
        this.udp = transports.contains(Transport.UDP);
        this.flows = new FlowTable(binning, maxFlows);
    }

    PacketOutcome add(CaptureReader packet) {
        byte[] data = packet.data();
        int start = packet.dataOffset();
        int end = start + packet.capturedLength();
        int ipStart = LinkLayerDecoder.ipOffset(packet.linkType(), data, start, end);
        if (ipStart == LinkLayerDecoder.NOT_IP) {
            return PacketOutcome.NOT_IP;
        }
        if (ipStart == LinkLayerDecoder.CUT_SHORT) {
            return PacketOutcome.CUT_SHORT;
        }

        // Some writers record more bytes than the wire length; the larger is the truer frame length.
        long frameLength = Math.max(packet.originalLength(), packet.capturedLength());
        long onWireFromIp = Math.max(0, frameLength - (ipStart - start));
        switch (ip.decode(data, ipStart, end, onWireFromIp)) {
            case TRANSPORT:
                return addWithPorts(packet, data, end);
            case LATER_FRAGMENT:
                return addLaterFragment(packet, data);
            case NOT_IP:
                return PacketOutcome.NOT_IP;
            default:
                return PacketOutcome.CUT_SHORT;
        }
    }

    /** The flows in first-seen order; the builder must not be used afterwards. */
    List<FlowSummary> flows() {
        return flows.summaries();
    }

    private PacketOutcome addWithPorts(CaptureReader packet, byte[] data, int end) {
        Transport transport = selected(ip.protocol);
        if (transport == null) {
            return PacketOutcome.OTHER_TRANSPORT;
        }
        if (end - ip.transportOffset < PORTS_LENGTH) {
            return PacketOutcome.CUT_SHORT;
        }

        long now = packet.timestampNanos();
        int flow = flows.count(data, ip.addressOffset, ip.addressLength, ip.transportOffset, transport,
                ip.ipLength, now, packet.timestampDigits());
        if (ip.firstFragment) {
            // A refused first fragment is remembered too, so its later fragments are refused for the same reason.
            fragments.remember(data, ip.addressOffset, ip.addressLength, ip.fragmentProtocol, ip.fragmentId, flow, now);
        }
        return flow == FlowTable.REFUSED ? PacketOutcome.FLOW_LIMIT : PacketOutcome.COUNTED;
    }

    private PacketOutcome addLaterFragment(CaptureReader packet, byte[] data) {
        if (isUnselectedTransport(ip.fragmentProtocol)) {
            return PacketOutcome.OTHER_TRANSPORT;
        }

        long now = packet.timestampNanos();
        int flow = fragments.flowOf(data, ip.addressOffset, ip.addressLength, ip.fragmentProtocol, ip.fragmentId, now);
        if (flow == FlowTable.REFUSED) {
            return PacketOutcome.FLOW_LIMIT;
        }
        if (flow < 0) {
            return PacketOutcome.UNATTRIBUTED_FRAGMENT;
        }
        flows.countIn(flow, ip.ipLength, now, packet.timestampDigits());
        return PacketOutcome.COUNTED;
    }

    private Transport selected(int protocol) {
        if (protocol == Transport.TCP.protocolNumber()) {
            return tcp ? Transport.TCP : null;
        }
        if (protocol == Transport.UDP.protocolNumber()) {
            return udp ? Transport.UDP : null;
        }
        return null;
    }

    /**
     * Whether a later fragment surely belongs to no selected transport. An IPv6 fragment may name an
     * extension header (destination options, AH) rather than its transport; then only its first
     * fragment can tell, so it is looked up.
     */
    private boolean isUnselectedTransport(int protocol) {
        if (selected(protocol) != null) {
            return false;
        }
        return ip.version == 4 || !IpDecoder.isExtensionHeader(protocol);
    }
}

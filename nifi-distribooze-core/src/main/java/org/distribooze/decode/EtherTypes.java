package org.distribooze.decode;

/**
 * Follows an EtherType to the IP header: through any stack of VLAN tags (802.1Q 0x8100, 802.1ad 0x88A8,
 * the pre-standard 0x9100), a PPPoE session header (0x8864) and an MPLS label stack (0x8847, 0x8848).
 */
final class EtherTypes {

    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86DD;
    private static final int VLAN = 0x8100;
    private static final int QINQ = 0x88A8;
    private static final int QINQ_LEGACY = 0x9100;
    private static final int PPPOE_SESSION = 0x8864;
    private static final int MPLS_UNICAST = 0x8847;
    private static final int MPLS_MULTICAST = 0x8848;

    private static final int TAG_LENGTH = 4;
    private static final int TAG_INNER_TYPE = 2;
    // PPPoE: version/type, code, session id, length (6 bytes), then the 2-byte PPP protocol.
    private static final int PPPOE_HEADER = 8;
    private static final int PPPOE_PPP_PROTOCOL = 6;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;
    private static final int MPLS_LABEL = 4;
    private static final int MPLS_BOTTOM_OF_STACK_BYTE = 2;

    private EtherTypes() {
    }

    /**
     * @param at where the payload of the header carrying {@code etherType} starts
     * @return the offset of the IP header, {@link LinkLayerDecoder#NOT_IP} or {@link LinkLayerDecoder#CUT_SHORT}
     */
    static int ipOffset(byte[] packet, int at, int end, int etherType) {
        int type = etherType;
        int position = at;
        while (type == VLAN || type == QINQ || type == QINQ_LEGACY) {
            if (end - position < TAG_LENGTH) {
                return LinkLayerDecoder.CUT_SHORT;
            }
            type = LinkLayerDecoder.u16(packet, position + TAG_INNER_TYPE);
            position += TAG_LENGTH;
        }

        switch (type) {
            case IPV4:
            case IPV6:
                return position;
            case PPPOE_SESSION:
                return afterPppoe(packet, position, end);
            case MPLS_UNICAST:
            case MPLS_MULTICAST:
                return afterMpls(packet, position, end);
            default:
                return LinkLayerDecoder.NOT_IP;
        }
    }

    private static int afterPppoe(byte[] packet, int at, int end) {
        if (end - at < PPPOE_HEADER) {
            return LinkLayerDecoder.CUT_SHORT;
        }
        int protocol = LinkLayerDecoder.u16(packet, at + PPPOE_PPP_PROTOCOL);
        return protocol == PPP_IPV4 || protocol == PPP_IPV6 ? at + PPPOE_HEADER : LinkLayerDecoder.NOT_IP;
    }

    private static int afterMpls(byte[] packet, int at, int end) {
        int position = at;
        boolean bottom = false;
        while (!bottom) {
            if (end - position < MPLS_LABEL) {
                return LinkLayerDecoder.CUT_SHORT;
            }
            bottom = (packet[position + MPLS_BOTTOM_OF_STACK_BYTE] & 0x01) != 0;
            position += MPLS_LABEL;
        }

        // MPLS does not say what it carries; the IP version nibble is the usual guess (a pseudowire
        // control word starts with 0 and is rightly taken as not IP).
        if (position >= end) {
            return LinkLayerDecoder.CUT_SHORT;
        }
        int version = (packet[position] & 0xF0) >>> 4;
        return version == 4 || version == 6 ? position : LinkLayerDecoder.NOT_IP;
    }
}

package org.distribooze.decode;

/**
 * Finds the IP header behind a packet's link-layer header: Ethernet (with any stack of 802.1Q, 802.1ad
 * and 0x9100 tags, PPPoE session and MPLS), raw IP, Linux cooked v1 and v2, BSD null and loop.
 */
final class LinkLayerDecoder {

    /** The packet carries no IP (another EtherType, address family or link type). */
    static final int NOT_IP = -1;
    /** The captured bytes end inside the link-layer headers, before their type says what follows. */
    static final int CUT_SHORT = -2;

    private static final int LINKTYPE_NULL = 0;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW_LEGACY_12 = 12;
    private static final int LINKTYPE_RAW_LEGACY_14 = 14;
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_LOOP = 108;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_IPV4 = 228;
    private static final int LINKTYPE_IPV6 = 229;
    private static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERNET_TYPE = 12;
    private static final int SLL_HEADER = 16;
    private static final int SLL_PROTOCOL = 14;
    private static final int SLL2_HEADER = 20;
    private static final int SLL2_PROTOCOL = 0;
    private static final int NULL_HEADER = 4;

    private static final int AF_INET = 2;
    // AF_INET6 differs between BSDs: 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS).
    private static final int AF_INET6_NETBSD = 24;
    private static final int AF_INET6_FREEBSD = 28;
    private static final int AF_INET6_DARWIN = 30;

    private LinkLayerDecoder() {
    }

    /**
     * @param start where the packet's captured bytes start
     * @param end where they end
     * @return the offset of the IP header, {@link #NOT_IP} or {@link #CUT_SHORT}
     */
    static int ipOffset(int linkType, byte[] packet, int start, int end) {
        switch (linkType) {
            case LINKTYPE_ETHERNET:
                return afterHeader(packet, start, end, ETHERNET_HEADER, ETHERNET_TYPE);
            case LINKTYPE_RAW:
            case LINKTYPE_IPV4:
            case LINKTYPE_IPV6:
            case LINKTYPE_RAW_LEGACY_12:
            case LINKTYPE_RAW_LEGACY_14:
                return start;
            case LINKTYPE_LINUX_SLL:
                return afterHeader(packet, start, end, SLL_HEADER, SLL_PROTOCOL);
            case LINKTYPE_LINUX_SLL2:
                return afterHeader(packet, start, end, SLL2_HEADER, SLL2_PROTOCOL);
            case LINKTYPE_NULL:
                return afterAddressFamily(packet, start, end, true);
            case LINKTYPE_LOOP:
                return afterAddressFamily(packet, start, end, false);
            default:
                return NOT_IP;
        }
    }

    private static int afterHeader(byte[] packet, int start, int end, int headerLength, int typeOffset) {
        if (end - start < headerLength) {
            return CUT_SHORT;
        }
        return EtherTypes.ipOffset(packet, start + headerLength, end, u16(packet, start + typeOffset));
    }

    /**
     * @param eitherOrder null writes the family in the capturing host's byte order, which the file does
     *        not record, so both orders are tried; loop writes it in network order only
     */
    private static int afterAddressFamily(byte[] packet, int start, int end, boolean eitherOrder) {
        if (end - start < NULL_HEADER) {
            return CUT_SHORT;
        }
        int family = (packet[start] & 0xFF) << 24 | (packet[start + 1] & 0xFF) << 16
                | (packet[start + 2] & 0xFF) << 8 | packet[start + 3] & 0xFF;
        if (isIpFamily(family) || eitherOrder && isIpFamily(Integer.reverseBytes(family))) {
            return start + NULL_HEADER;
        }
        return NOT_IP;
    }

    private static boolean isIpFamily(int family) {
        return family == AF_INET || family == AF_INET6_NETBSD || family == AF_INET6_FREEBSD
                || family == AF_INET6_DARWIN;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }
}

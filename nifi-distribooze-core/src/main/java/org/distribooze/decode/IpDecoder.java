package org.distribooze.decode;

/**
 * Decodes an IPv4 or IPv6 header down to the transport header: where the addresses and the transport
 * header are, the protocol, the packet's IP length and whether it is a fragment. IPv4 options are
 * skipped by the header length; IPv6 hop-by-hop, routing, destination options, fragment and AH headers
 * are walked. One decoder is reused for every packet: the fields describe the last packet decoded.
 *
 * <p>The IP length is the one the header states (IPv4 total length, IPv6 payload length + 40, or a
 * jumbogram's jumbo payload length + 40), so a packet cut by the snaplen keeps its real length. A length
 * field of 0 without a jumbo option is a segmentation-offload packet (TSO, BIG TCP) and takes its length
 * from the frame's length on the wire, as tshark does for IPv4.
 */
final class IpDecoder {

    /** What the last packet decoded turned out to be. */
    enum Kind {
        /** A whole packet or first fragment: {@link #transportOffset} is where its transport header starts. */
        TRANSPORT,
        /** A fragment after the first: no transport header, only {@link #fragmentId} to find its datagram. */
        LATER_FRAGMENT,
        /** Not an IPv4 or IPv6 header, or one whose lengths contradict themselves. */
        NOT_IP,
        /** The captured bytes end inside the IP headers. */
        CUT_SHORT
    }

    private static final int IPV4_HEADER = 20;
    private static final int IPV4_TOTAL_LENGTH = 2;
    private static final int IPV4_ID = 4;
    private static final int IPV4_FLAGS_OFFSET = 6;
    private static final int IPV4_PROTOCOL = 9;
    private static final int IPV4_ADDRESSES = 12;
    private static final int IPV4_MORE_FRAGMENTS = 0x2000;
    private static final int IPV4_OFFSET_MASK = 0x1FFF;

    private static final int IPV6_HEADER = 40;
    private static final int IPV6_PAYLOAD_LENGTH = 4;
    private static final int IPV6_NEXT_HEADER = 6;
    private static final int IPV6_ADDRESSES = 8;

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AUTHENTICATION = 51;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int MOBILITY = 135;
    private static final int HOST_IDENTITY = 139;
    private static final int SHIM6 = 140;
    private static final int FRAGMENT_HEADER = 8;
    private static final int OPTION_PAD1 = 0;
    private static final int OPTION_JUMBO = 0xC2;
    private static final int JUMBO_LENGTH = 4;

    int version;
    int addressOffset;
    int addressLength;
    int protocol;
    long ipLength;
    int transportOffset;
    /** For a {@link Kind#TRANSPORT} packet: it is the first fragment of a datagram that has more. */
    boolean firstFragment;
    int fragmentId;
    /** IPv4's protocol, or the Next Header of IPv6's fragment header: the same in every fragment. */
    int fragmentProtocol;

    /**
     * @param ip where the IP header starts
     * @param end where the captured bytes end
     * @param onWireLength the packet's length on the wire from {@code ip} on, for length fields of 0
     */
    Kind decode(byte[] packet, int ip, int end, long onWireLength) {
        if (ip >= end) {
            return Kind.CUT_SHORT;
        }
        version = (packet[ip] & 0xF0) >>> 4;
        firstFragment = false;
        if (version == 4) {
            return decodeIpv4(packet, ip, end, onWireLength);
        }
        if (version == 6) {
            return decodeIpv6(packet, ip, end, onWireLength);
        }
        return Kind.NOT_IP;
    }

    private Kind decodeIpv4(byte[] packet, int ip, int end, long onWireLength) {
        int headerLength = (packet[ip] & 0x0F) * 4;
        if (headerLength < IPV4_HEADER) {
            return Kind.NOT_IP;
        }
        if (end - ip < IPV4_HEADER) {
            return Kind.CUT_SHORT;
        }

        int totalLength = u16(packet, ip + IPV4_TOTAL_LENGTH);
        if (totalLength != 0 && totalLength < headerLength) {
            return Kind.NOT_IP;
        }
        ipLength = totalLength == 0 ? onWireLength : totalLength;
        protocol = packet[ip + IPV4_PROTOCOL] & 0xFF;
        fragmentProtocol = protocol;
        fragmentId = u16(packet, ip + IPV4_ID);
        addressOffset = ip + IPV4_ADDRESSES;
        addressLength = 4;

        int flagsOffset = u16(packet, ip + IPV4_FLAGS_OFFSET);
        if ((flagsOffset & IPV4_OFFSET_MASK) != 0) {
            return Kind.LATER_FRAGMENT;
        }
        firstFragment = (flagsOffset & IPV4_MORE_FRAGMENTS) != 0;
        transportOffset = ip + headerLength;
        return Kind.TRANSPORT;
    }

    private Kind decodeIpv6(byte[] packet, int ip, int end, long onWireLength) {
        if (end - ip < IPV6_HEADER) {
            return Kind.CUT_SHORT;
        }
        int payloadLength = u16(packet, ip + IPV6_PAYLOAD_LENGTH);
        ipLength = payloadLength == 0 ? onWireLength : payloadLength + IPV6_HEADER;
        addressOffset = ip + IPV6_ADDRESSES;
        addressLength = 16;

        int next = packet[ip + IPV6_NEXT_HEADER] & 0xFF;
        int at = ip + IPV6_HEADER;
        while (true) {
            if (next == HOP_BY_HOP || next == ROUTING || next == DESTINATION_OPTIONS) {
                if (end - at < 2) {
                    return Kind.CUT_SHORT;
                }
                int length = ((packet[at + 1] & 0xFF) + 1) * 8;
                if (next == HOP_BY_HOP && payloadLength == 0) {
                    long jumbo = jumboPayloadLength(packet, at + 2, Math.min(at + length, end));
                    if (jumbo >= 0) {
                        ipLength = jumbo + IPV6_HEADER;
                    }
                }
                next = packet[at] & 0xFF;
                at += length;
            } else if (next == FRAGMENT) {
                if (end - at < FRAGMENT_HEADER) {
                    return Kind.CUT_SHORT;
                }
                int offsetFlags = u16(packet, at + 2);
                fragmentProtocol = packet[at] & 0xFF;
                fragmentId = u16(packet, at + 4) << 16 | u16(packet, at + 6);
                if (offsetFlags >>> 3 != 0) {
                    protocol = fragmentProtocol;
                    return Kind.LATER_FRAGMENT;
                }
                // Offset 0 without M is an atomic fragment (RFC 6946): a whole packet, not a datagram to track.
                firstFragment = (offsetFlags & 1) != 0;
                next = fragmentProtocol;
                at += FRAGMENT_HEADER;
            } else if (next == AUTHENTICATION) {
                if (end - at < 2) {
                    return Kind.CUT_SHORT;
                }
                int length = ((packet[at + 1] & 0xFF) + 2) * 4;
                next = packet[at] & 0xFF;
                at += length;
            } else {
                protocol = next;
                transportOffset = at;
                return Kind.TRANSPORT;
            }
        }
    }

    /** Whether an IPv6 Next Header value names an extension header rather than a transport. */
    static boolean isExtensionHeader(int nextHeader) {
        switch (nextHeader) {
            case HOP_BY_HOP:
            case ROUTING:
            case FRAGMENT:
            case AUTHENTICATION:
            case DESTINATION_OPTIONS:
            case MOBILITY:
            case HOST_IDENTITY:
            case SHIM6:
                return true;
            default:
                return false;
        }
    }

    /** The Jumbo Payload option's value among hop-by-hop options in [from, to), or -1 without one. */
    private static long jumboPayloadLength(byte[] packet, int from, int to) {
        int at = from;
        while (at < to) {
            int type = packet[at] & 0xFF;
            if (type == OPTION_PAD1) {
                at++;
                continue;
            }
            if (to - at < 2) {
                return -1;
            }
            int length = packet[at + 1] & 0xFF;
            if (type == OPTION_JUMBO && length == JUMBO_LENGTH && to - at >= 2 + JUMBO_LENGTH) {
                return (long) u16(packet, at + 2) << 16 | u16(packet, at + 4);
            }
            at += 2 + length;
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return LinkLayerDecoder.u16(b, at);
    }
}

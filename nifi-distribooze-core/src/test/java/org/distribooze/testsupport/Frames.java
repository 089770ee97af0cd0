package org.distribooze.testsupport;

import static org.distribooze.testsupport.Bytes.concat;
import static org.distribooze.testsupport.Bytes.u16;
import static org.distribooze.testsupport.Bytes.u32;
import static org.distribooze.testsupport.Bytes.zeros;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Packets built field by field for crafted tests (checksums are left 0: nothing here checks them).
 * Every length is set explicitly from what is appended, so tests can state expected lengths by hand.
 */
public final class Frames {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    private static final byte[] MAC_A = Bytes.hex("020000000001");
    private static final byte[] MAC_B = Bytes.hex("020000000002");

    private Frames() {
    }

    /** A 20-byte TCP header (data offset 5, ACK) followed by {@code payload} zero bytes. */
    public static byte[] tcp(int sourcePort, int destinationPort, int payload) {
        return concat(u16(sourcePort), u16(destinationPort), u32(1), u32(0), Bytes.hex("5010 ffff 0000 0000"),
                zeros(payload));
    }

    /** An 8-byte UDP header followed by {@code payload} zero bytes. */
    public static byte[] udp(int sourcePort, int destinationPort, int payload) {
        return concat(u16(sourcePort), u16(destinationPort), u16(8 + payload), u16(0), zeros(payload));
    }

    /** An IPv4 header without options, total length = 20 + payload, not fragmented. */
    public static byte[] ipv4(String source, String destination, int protocol, byte[] payload) {
        return ipv4(source, destination, protocol, 1, 0, 20 + payload.length, payload);
    }

    /**
     * An IPv4 header without options with the given identification, flags/fragment-offset word and total
     * length field (which need not match the payload, to model TSO or a snaplen cut).
     */
    public static byte[] ipv4(String source, String destination, int protocol, int id, int flagsOffset,
            int totalLength, byte[] payload) {
        return concat(Bytes.hex("45 00"), u16(totalLength), u16(id), u16(flagsOffset), new byte[] {64,
            (byte) protocol}, u16(0), address(source), address(destination), payload);
    }

    /** An IPv6 header, payload length = payload (extension headers included), then the payload. */
    public static byte[] ipv6(String source, String destination, int nextHeader, byte[] payload) {
        return ipv6(source, destination, nextHeader, payload.length, payload);
    }

    public static byte[] ipv6(String source, String destination, int nextHeader, int payloadLength, byte[] payload) {
        return concat(Bytes.hex("6000 0000"), u16(payloadLength), new byte[] {(byte) nextHeader, 64},
                address(source), address(destination), payload);
    }

    /** An Ethernet II header with the given EtherType (or tag stack: pass every TPID/TCI/type as hex). */
    public static byte[] ethernet(int etherType, byte[] payload) {
        return concat(MAC_A, MAC_B, u16(etherType), payload);
    }

    /** Ethernet with raw bytes after the MAC addresses: tags, EtherTypes, PPPoE or MPLS headers. */
    public static byte[] ethernetRaw(String headersHex, byte[] payload) {
        return concat(MAC_A, MAC_B, Bytes.hex(headersHex), payload);
    }

    public static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

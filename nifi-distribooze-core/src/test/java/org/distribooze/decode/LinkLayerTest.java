package org.distribooze.decode;

import static org.distribooze.decode.Extraction.ETHERNET;
import static org.distribooze.decode.Extraction.endpoints;
import static org.distribooze.decode.Extraction.extract;
import static org.distribooze.decode.Extraction.onlyFlow;
import static org.distribooze.decode.Extraction.pcap;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV4;
import static org.distribooze.testsupport.Frames.TCP;
import static org.distribooze.testsupport.Frames.UDP;
import static org.distribooze.testsupport.Frames.ethernet;
import static org.distribooze.testsupport.Frames.ethernetRaw;
import static org.distribooze.testsupport.Frames.ipv4;
import static org.distribooze.testsupport.Frames.ipv6;
import static org.distribooze.testsupport.Frames.tcp;
import static org.distribooze.testsupport.Frames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;

import org.distribooze.flow.FlowSummary;
import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.PcapngBytes;
import org.junit.jupiter.api.Test;

class LinkLayerTest {

    // 20 + 20 + 100 = 140 bytes.
    private static final byte[] IPV4_TCP = ipv4("192.0.2.1", "198.51.100.1", TCP, tcp(40000, 443, 100));
    // 40 + 8 + 10: payload length 18, IP length 58.
    private static final byte[] IPV6_UDP = ipv6("2001:db8::1", "2001:db8::2", UDP, udp(5353, 53, 10));

    @Test
    void givenTwoMplsLabels_whenExtracted_thenTheStackIsWalkedToItsBottomAndIpv4Found() throws Exception {
        // Label 16 (S=0), label 17 (S=1), TTL 64: 0x00010040, 0x00011140.
        byte[] frame = ethernetRaw("8847 00010040 00011140", IPV4_TCP);

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frame)));

        assertEquals("TCP 192.0.2.1 40000 > 198.51.100.1 443", endpoints(flow));
        assertEquals(140, flow.bytes());
        assertEquals(1, flow.counts()[4]);
    }

    @Test
    void givenMplsMulticastOverIpv6_whenExtracted_thenTheVersionNibbleSaysIpv6() throws Exception {
        byte[] frame = ethernetRaw("8848 00010140", IPV6_UDP);

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frame)));

        assertEquals("UDP 2001:db8::1 5353 > 2001:db8::2 53", endpoints(flow));
        assertEquals(6, flow.ipVersion());
        assertEquals(58, flow.bytes());
    }

    @Test
    void givenMplsPseudowireControlWord_whenExtracted_thenNotIp() throws Exception {
        byte[] frame = ethernetRaw("8847 00010140 00000000", ethernet(ETHERTYPE_IPV4, IPV4_TCP));

        ExtractionStats stats = extract(pcap(ETHERNET, frame)).stats();

        assertEquals(1, stats.skippedNotIp());
    }

    @Test
    void givenPppoeSessionBehindAVlanTag_whenExtracted_thenIpv4AndIpv6AreFoundAndLcpIsNotIp() throws Exception {
        // PPPoE: ver/type 0x11, code 0, session 1, length (PPP protocol + payload), then the PPP protocol.
        byte[] ipv4 = ethernetRaw("8100 0064 8864 1100 0001 008e 0021", IPV4_TCP);
        byte[] ipv6 = ethernetRaw("8864 1100 0001 003c 0057", IPV6_UDP);
        byte[] lcp = ethernetRaw("8864 1100 0001 0006 c021", Bytes.hex("0901 0004"));

        ExtractionResult result = extract(pcap(ETHERNET, ipv4, ipv6, lcp));

        assertEquals(List.of("TCP 192.0.2.1 40000 > 198.51.100.1 443", "UDP 2001:db8::1 5353 > 2001:db8::2 53"),
                result.flows().stream().map(Extraction::endpoints).toList());
        assertEquals(1, result.stats().skippedNotIp());
    }

    @Test
    void givenStackOfEveryTagType_whenExtracted_thenAllAreWalked() throws Exception {
        byte[] frame = ethernetRaw("88a8 0064 8100 00c8 9100 012c 8100 0190 0800", IPV4_TCP);

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frame)));

        assertEquals(140, flow.bytes());
    }

    @Test
    void givenOneInterfacePerLinkType_whenExtracted_thenEachFindsItsIpHeader() throws Exception {
        PcapngBytes file = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN);
        int[] linkTypes = {0, 0, 108, 108, 101, 101, 228, 229, 12, 14, 113, 276, 147, 0};
        for (int linkType : linkTypes) {
            file.interfaceBlock(linkType, 0);
        }
        // BSD null: AF in the capturing host's byte order (either); loop: network order only, as tshark.
        file.enhancedPacket(0, 0, Bytes.concat(Bytes.hex("02000000"), v4(1)), 64)
                .enhancedPacket(1, 0, Bytes.concat(Bytes.hex("0000001e"), v6(2)), 64)
                .enhancedPacket(2, 0, Bytes.concat(Bytes.hex("00000018"), v6(3)), 64)
                .enhancedPacket(3, 0, Bytes.concat(Bytes.hex("1c000000"), v6(4)), 64)
                .enhancedPacket(4, 0, v4(5), 60)
                .enhancedPacket(5, 0, v6(6), 60)
                .enhancedPacket(6, 0, v4(7), 60)
                .enhancedPacket(7, 0, v6(8), 60)
                .enhancedPacket(8, 0, v4(9), 60)
                .enhancedPacket(9, 0, v6(10), 60)
                // Linux cooked v1: packet type, ARPHRD_ETHER, address length 6, address padded to 8, protocol.
                .enhancedPacket(10, 0, Bytes.concat(Bytes.hex("0000 0001 0006 0200000000010000 0800"), v4(11)), 76)
                // Linux cooked v2: protocol, reserved, interface index, ARPHRD_ETHER, type, length, address.
                .enhancedPacket(11, 0, Bytes.concat(Bytes.hex("86dd 0000 00000001 0001 00 06 0200000000010000"),
                        v6(12)), 80)
                .enhancedPacket(12, 0, v4(13), 60)
                // AF 7 (OSI) is no IP family in any byte order.
                .enhancedPacket(13, 0, Bytes.concat(Bytes.hex("07000000"), v4(14)), 64);

        ExtractionResult result = extract(file.bytes());

        List<Integer> ports = result.flows().stream().map(FlowSummary::sourcePort).toList();
        assertEquals(List.of(1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12), ports);
        assertEquals(Set.of(0, 12, 14, 101, 108, 113, 147, 228, 229, 276), result.stats().linkTypes());
        assertEquals(14, result.stats().packetsRead());
        assertEquals(11, result.stats().packetsCounted());
        assertEquals(3, result.stats().skippedNotIp());
    }

    /** IPv4 TCP from source port {@code port}: 40 bytes. */
    private static byte[] v4(int port) {
        return ipv4("192.0.2.9", "198.51.100.9", TCP, tcp(port, 80, 0));
    }

    /** IPv6 TCP from source port {@code port}: 60 bytes. */
    private static byte[] v6(int port) {
        return ipv6("2001:db8::9", "2001:db8::a", TCP, tcp(port, 80, 0));
    }
}

package org.distribooze.decode;

import static org.distribooze.decode.Extraction.ETHERNET;
import static org.distribooze.decode.Extraction.endpoints;
import static org.distribooze.decode.Extraction.extract;
import static org.distribooze.decode.Extraction.onlyFlow;
import static org.distribooze.decode.Extraction.pcap;
import static org.distribooze.testsupport.Bytes.concat;
import static org.distribooze.testsupport.Bytes.hex;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV4;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV6;
import static org.distribooze.testsupport.Frames.TCP;
import static org.distribooze.testsupport.Frames.address;
import static org.distribooze.testsupport.Frames.ethernet;
import static org.distribooze.testsupport.Frames.ipv4;
import static org.distribooze.testsupport.Frames.ipv6;
import static org.distribooze.testsupport.Frames.tcp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.distribooze.flow.FlowSummary;
import org.distribooze.testsupport.PcapBytes;
import org.junit.jupiter.api.Test;

/** The length a packet counts with is the one its IP header states, with the exceptions tshark makes. */
class IpLengthTest {

    private static final int HOP_BY_HOP = 0;

    @Test
    void givenIpv6Jumbogram_whenExtracted_thenItsJumboPayloadLengthPlus40Counts() throws Exception {
        // Hop-by-hop: next header TCP, length 0 (8 bytes), Jumbo Payload option (0xC2, 4 bytes) = 70,028:
        // 8 (hop-by-hop) + 20 (TCP) + 70,000 payload. The IP length is 70,028 + 40 = 70,068.
        byte[] hopByHop = hex("06 00 c2 04 0001118c");
        byte[] packet = ipv6("2001:db8::1", "2001:db8::2", HOP_BY_HOP, 0, concat(hopByHop, tcp(40000, 443, 0)));
        // Only the headers were captured; the wire carried 14 + 40 + 70,028 bytes.
        byte[] capture = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 96, ETHERNET)
                .record(0, 0, ethernet(ETHERTYPE_IPV6, packet), 14 + 40 + 70_028).bytes();

        FlowSummary flow = onlyFlow(extract(capture));

        assertEquals(70_068, flow.bytes());
        assertEquals(1, flow.counts()[47]);
    }

    @Test
    void givenIpv4TotalLengthZero_whenExtracted_thenTheLengthComesFromTheFrameOnTheWire() throws Exception {
        // A TSO packet: total length 0. tshark 4.0 reads it as 9,014 - 14 = 9,000 bytes whether the record
        // holds the whole frame or only its first 54 bytes (checked on a capture made for the purpose).
        byte[] headers = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", TCP, 1, 0x4000, 0,
                tcp(40000, 443, 0)));
        byte[] capture = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, ETHERNET)
                .record(0, 0, headers, 9014)
                .record(1, 0, concat(headers, new byte[8960]), 9014)
                .bytes();

        FlowSummary flow = onlyFlow(extract(capture));

        assertEquals(2, flow.packets());
        assertEquals(18_000, flow.bytes());
    }

    @Test
    void givenIpv6PayloadLengthZeroWithoutJumbo_whenExtracted_thenTheLengthComesFromTheFrameLikeIpv4Tso()
            throws Exception {
        // BIG TCP over IPv6 as Linux captures it: payload length 0 and no hop-by-hop header.
        byte[] headers = ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", TCP, 0, tcp(40000, 443, 0)));
        byte[] capture = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, ETHERNET)
                .record(0, 0, headers, 14 + 40 + 20 + 9000).bytes();

        FlowSummary flow = onlyFlow(extract(capture));

        assertEquals(9060, flow.bytes());
    }

    @Test
    void givenIpv4Options_whenExtracted_thenThePortsAreReadAfterThem() throws Exception {
        // IHL 6: four NOP options; total length 24 + 20 = 44.
        byte[] header = concat(hex("46 00 002c 0001 0000 40 06 0000"), address("192.0.2.1"),
                address("198.51.100.1"), hex("01010101"));
        byte[] frame = ethernet(ETHERTYPE_IPV4, concat(header, tcp(40000, 443, 0)));

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frame)));

        assertEquals("TCP 192.0.2.1 40000 > 198.51.100.1 443", endpoints(flow));
        assertEquals(44, flow.bytes());
    }

    @Test
    void givenIpv6ExtensionHeaderChain_whenExtracted_thenEveryHeaderIsWalkedToTcp() throws Exception {
        byte[] hopByHop = hex("2b 00 01 04 00000000");
        // Type 0 routing header (deprecated, still parsed): length 2, one address, 24 bytes.
        byte[] routing = concat(hex("3c 02 00 00 00000000"), address("2001:db8::2"));
        byte[] destinationOptions = hex("33 00 01 04 00000000");
        // AH: payload length 4 means (4 + 2) * 4 = 24 bytes: next header, length, reserved, SPI, sequence, ICV.
        byte[] authentication = concat(hex("06 04 0000 00000100 00000001"), new byte[12]);
        byte[] chain = concat(hopByHop, routing, destinationOptions, authentication, tcp(40000, 443, 0));
        byte[] frame = ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", HOP_BY_HOP, chain));

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frame)));

        assertEquals("TCP 2001:db8::1 40000 > 2001:db8::2 443", endpoints(flow));
        // 8 + 24 + 8 + 24 + 20 = 84 payload bytes, + 40.
        assertEquals(124, flow.bytes());
    }

    @Test
    void givenLengthsAroundBinEdges_whenExtracted_thenBinsAre32BytesWideWithOneLastBinFrom1504()
            throws Exception {
        int[] lengths = {31, 32, 1503, 1504, 65535};
        byte[][] frames = new byte[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            // Only the headers are captured; the total length field states the packet's length.
            frames[i] = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", TCP, 1, 0, lengths[i],
                    tcp(40000, 443, 0)));
        }

        FlowSummary flow = onlyFlow(extract(pcap(ETHERNET, frames)));

        long[] expected = new long[48];
        expected[0] = 1;
        expected[1] = 1;
        expected[46] = 1;
        expected[47] = 2;
        assertArrayEquals(expected, flow.counts());
        assertEquals(31 + 32 + 1503 + 1504 + 65535, flow.bytes());
        assertEquals(5, flow.packets());
    }

    @Test
    void givenTotalLengthShorterThanTheHeader_whenExtracted_thenNotIp() throws Exception {
        byte[] frame = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", TCP, 1, 0, 19, tcp(1, 2, 0)));

        ExtractionStats stats = extract(pcap(ETHERNET, frame)).stats();

        assertEquals(1, stats.skippedNotIp());
        assertEquals(0, stats.packetsCounted());
    }

    @Test
    void givenSnaplenCutAfterThePorts_whenExtracted_thenCountedWithTheHeadersLength() throws Exception {
        byte[] whole = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", TCP, tcp(40000, 443, 1400)));
        byte[] capture = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 38, ETHERNET)
                .record(0, 0, Arrays.copyOf(whole, 14 + 20 + 4), whole.length).bytes();

        FlowSummary flow = onlyFlow(extract(capture));

        assertEquals(1440, flow.bytes());
    }
}

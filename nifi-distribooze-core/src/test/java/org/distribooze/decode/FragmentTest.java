package org.distribooze.decode;

import static org.distribooze.decode.Extraction.ETHERNET;
import static org.distribooze.decode.Extraction.endpoints;
import static org.distribooze.decode.Extraction.extract;
import static org.distribooze.decode.Extraction.onlyFlow;
import static org.distribooze.decode.Extraction.pcap;
import static org.distribooze.testsupport.Bytes.concat;
import static org.distribooze.testsupport.Bytes.u16;
import static org.distribooze.testsupport.Bytes.u32;
import static org.distribooze.testsupport.Bytes.zeros;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV4;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV6;
import static org.distribooze.testsupport.Frames.TCP;
import static org.distribooze.testsupport.Frames.UDP;
import static org.distribooze.testsupport.Frames.ethernet;
import static org.distribooze.testsupport.Frames.ipv4;
import static org.distribooze.testsupport.Frames.ipv6;
import static org.distribooze.testsupport.Frames.tcp;
import static org.distribooze.testsupport.Frames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;

import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
import org.distribooze.testsupport.PcapBytes;
import org.junit.jupiter.api.Test;

/** Fragments after the first carry no ports: they count in the flow of their datagram's first fragment. */
class FragmentTest {

    private static final String SOURCE = "192.0.2.10";
    private static final String DESTINATION = "198.51.100.20";
    private static final int MORE_FRAGMENTS = 0x2000;
    private static final int FRAGMENT = 44;

    @Test
    void givenFirstAndLaterIpv4Fragments_whenExtracted_thenLaterOnesCountInTheFlowOfTheFirst() throws Exception {
        // A 2,500-byte TCP datagram (id 7): 1,480 + 1,480 + 500 payload bytes at offsets 0, 185 and 370 (x 8).
        byte[] first = v4Fragment(SOURCE, 7, MORE_FRAGMENTS, 1500, tcp(40000, 80, 1460));
        byte[] second = v4Fragment(SOURCE, 7, MORE_FRAGMENTS | 185, 1500, zeros(1480));
        byte[] last = v4Fragment(SOURCE, 7, 370, 520, zeros(500));
        byte[] otherId = v4Fragment(SOURCE, 8, 185, 100, zeros(80));
        byte[] otherSource = v4Fragment("192.0.2.11", 7, 185, 100, zeros(80));

        ExtractionResult result = extract(pcap(ETHERNET, first, second, last, otherId, otherSource));

        FlowSummary flow = onlyFlow(result);
        assertEquals("TCP 192.0.2.10 40000 > 198.51.100.20 80", endpoints(flow));
        assertEquals(3, flow.packets());
        assertEquals(1500 + 1500 + 520, flow.bytes());
        assertEquals(2, flow.counts()[46]);
        assertEquals(1, flow.counts()[16]);
        assertEquals(2, result.stats().skippedUnattributedFragment());
        assertEquals(3, result.stats().packetsCounted());
    }

    @Test
    void givenLaterFragmentBeforeItsFirst_whenExtracted_thenItIsUnattributed() throws Exception {
        byte[] later = v4Fragment(SOURCE, 9, 185, 100, zeros(80));
        byte[] first = v4Fragment(SOURCE, 9, MORE_FRAGMENTS, 1500, tcp(40000, 80, 1460));

        ExtractionResult result = extract(pcap(ETHERNET, later, first));

        assertEquals(1, onlyFlow(result).packets());
        assertEquals(1, result.stats().skippedUnattributedFragment());
    }

    @Test
    void givenUdpFragmentsWithOnlyTcpSelected_whenExtracted_thenBothAreOtherTransport() throws Exception {
        byte[] first = v4Fragment(SOURCE, UDP, 5, MORE_FRAGMENTS, 1500, udp(5000, 53, 1472));
        byte[] later = v4Fragment(SOURCE, UDP, 5, 185, 100, zeros(80));

        ExtractionStats stats = extract(pcap(ETHERNET, first, later), Transport.TCP).stats();

        assertEquals(2, stats.skippedOtherTransport());
        assertEquals(0, stats.skippedUnattributedFragment());
    }

    @Test
    void givenFragmentMoreThan60SecondsAfterItsFirst_whenExtracted_thenItsDatagramHasExpired() throws Exception {
        byte[] first = v4Fragment(SOURCE, 1, MORE_FRAGMENTS, 1500, tcp(40000, 80, 1460));
        byte[] later = v4Fragment(SOURCE, 1, 185, 100, zeros(80));
        byte[] capture = PcapBytes.file(ByteOrder.LITTLE_ENDIAN, false, 65535, ETHERNET)
                .record(1000, 0, first)
                .record(1059, 0, later)
                .record(1061, 0, later)
                .bytes();

        ExtractionResult result = extract(capture);

        assertEquals(2, onlyFlow(result).packets());
        assertEquals(1, result.stats().skippedUnattributedFragment());
    }

    @Test
    void givenIpv6Fragments_whenExtracted_thenTheWhole32BitIdentificationMatches() throws Exception {
        // First: fragment header (offset 0, M) + UDP 8 + 100 = payload 116, length 156.
        byte[] first = v6(concat(fragmentHeader(UDP, 0, true, 0x0001_0001L), udp(5353, 53, 100)));
        // Later (offset 14 x 8 = 112 bytes): 8 + 50 = payload 58, length 98.
        byte[] later = v6(concat(fragmentHeader(UDP, 14, false, 0x0001_0001L), zeros(50)));
        // Same low 16 bits, other high 16 bits: another datagram.
        byte[] otherId = v6(concat(fragmentHeader(UDP, 14, false, 0x0002_0001L), zeros(50)));

        ExtractionResult result = extract(pcap(ETHERNET, first, later, otherId));

        FlowSummary flow = onlyFlow(result);
        assertEquals("UDP 2001:db8::10 5353 > 2001:db8:1::20 53", endpoints(flow));
        assertEquals(2, flow.packets());
        assertEquals(156 + 98, flow.bytes());
        assertEquals(1, result.stats().skippedUnattributedFragment());
    }

    @Test
    void givenIpv6AtomicFragment_whenExtracted_thenItCountsAsAWholePacketAndStartsNoDatagram() throws Exception {
        byte[] atomic = v6(concat(fragmentHeader(TCP, 0, false, 0x1234), tcp(40000, 443, 0)));
        byte[] later = v6(concat(fragmentHeader(TCP, 3, false, 0x1234), zeros(16)));

        ExtractionResult result = extract(pcap(ETHERNET, atomic, later));

        assertEquals(68, onlyFlow(result).bytes());
        assertEquals(1, result.stats().skippedUnattributedFragment());
    }

    private static byte[] v4Fragment(String source, int id, int flagsOffset, int totalLength, byte[] payload) {
        return v4Fragment(source, TCP, id, flagsOffset, totalLength, payload);
    }

    private static byte[] v4Fragment(String source, int protocol, int id, int flagsOffset, int totalLength,
            byte[] payload) {
        return ethernet(ETHERTYPE_IPV4, ipv4(source, DESTINATION, protocol, id, flagsOffset, totalLength, payload));
    }

    private static byte[] v6(byte[] payload) {
        return ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::10", "2001:db8:1::20", FRAGMENT, payload));
    }

    /** Next header, reserved, offset (8-byte units) << 3 | M, 32-bit identification. */
    private static byte[] fragmentHeader(int next, int offset8, boolean more, long id) {
        return concat(new byte[] {(byte) next, 0}, u16(offset8 << 3 | (more ? 1 : 0)), u32(id));
    }
}

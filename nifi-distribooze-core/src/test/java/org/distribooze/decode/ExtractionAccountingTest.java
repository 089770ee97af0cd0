package org.distribooze.decode;

import static org.distribooze.decode.Extraction.ETHERNET;
import static org.distribooze.decode.Extraction.endpoints;
import static org.distribooze.decode.Extraction.extract;
import static org.distribooze.decode.Extraction.pcap;
import static org.distribooze.decode.Extraction.skipped;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.distribooze.capture.CaptureFormat;
import org.distribooze.capture.NotACaptureException;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
import org.distribooze.testsupport.Bytes;
import org.distribooze.testsupport.PcapBytes;
import org.distribooze.testsupport.PcapngBytes;
import org.junit.jupiter.api.Test;

/** Every packet read is counted or skipped for exactly one reason; flows keep first-seen order and times. */
class ExtractionAccountingTest {

    private static final byte[] TCP_A = ethernet(ETHERTYPE_IPV4,
            ipv4("192.0.2.1", "198.51.100.1", TCP, tcp(40000, 443, 0)));
    private static final byte[] TCP_B = ethernet(ETHERTYPE_IPV4,
            ipv4("198.51.100.1", "192.0.2.1", TCP, tcp(443, 40000, 0)));
    private static final byte[] UDP_A = ethernet(ETHERTYPE_IPV4,
            ipv4("192.0.2.1", "198.51.100.1", UDP, udp(5353, 53, 0)));

    @Test
    void givenMixedPackets_whenExtracted_thenEachSkipReasonIsCountedOnce() throws Exception {
        byte[] arp = ethernet(0x0806, Bytes.hex("0001 0800 0604 0001"));
        byte[] icmp = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", 1, Bytes.hex("0800 0000 0001 0001")));
        byte[] versionFive = ethernet(ETHERTYPE_IPV4, Bytes.hex("50 00 0014 0000 0000 4006 0000"));
        byte[] portsCut = Arrays.copyOf(TCP_A, 14 + 20 + 2);
        byte[] ipHeaderCut = Arrays.copyOf(TCP_A, 14 + 10);
        byte[] ethernetCut = Arrays.copyOf(TCP_A, 10);
        byte[] ipv6HopByHopCut = ethernet(ETHERTYPE_IPV6, ipv6("2001:db8::1", "2001:db8::2", 0, 28, new byte[0]));

        ExtractionStats stats = extract(pcap(ETHERNET, TCP_A, arp, icmp, UDP_A, versionFive, portsCut, ipHeaderCut,
                ethernetCut, ipv6HopByHopCut), Transport.TCP).stats();

        assertEquals(9, stats.packetsRead());
        assertEquals(1, stats.packetsCounted());
        assertEquals(2, stats.skippedNotIp());
        assertEquals(2, stats.skippedOtherTransport());
        assertEquals(4, stats.skippedCutShort());
        assertEquals(0, stats.skippedUnattributedFragment());
        assertEquals(stats.packetsRead(), stats.packetsCounted() + skipped(stats));
        assertEquals(CaptureFormat.PCAP, stats.format());
        assertEquals(List.of(1), List.copyOf(stats.linkTypes()));
    }

    @Test
    void givenBothTransports_whenExtracted_thenTcpAndUdpFlowsAreApartEvenOnTheSamePortNumbers()
            throws Exception {
        byte[] udpSamePorts = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", UDP, udp(40000, 443, 0)));

        ExtractionResult result = extract(pcap(ETHERNET, TCP_A, udpSamePorts));

        assertEquals(List.of("TCP 192.0.2.1 40000 > 198.51.100.1 443", "UDP 192.0.2.1 40000 > 198.51.100.1 443"),
                result.flows().stream().map(Extraction::endpoints).toList());
    }

    @Test
    void givenInterleavedFlows_whenExtracted_thenFirstSeenOrderAndFirstAndLastTimesAreKept() throws Exception {
        byte[] capture = PcapBytes.file(ByteOrder.BIG_ENDIAN, false, 65535, ETHERNET)
                .record(1_700_000_001L, 1, TCP_A)
                .record(1_700_000_002L, 0, TCP_B)
                .record(1_700_000_003L, 500_000, TCP_A)
                .bytes();

        List<FlowSummary> flows = extract(capture).flows();

        assertEquals("TCP 192.0.2.1 40000 > 198.51.100.1 443", endpoints(flows.get(0)));
        assertEquals("TCP 198.51.100.1 443 > 192.0.2.1 40000", endpoints(flows.get(1)));
        FlowSummary a = flows.get(0);
        assertEquals(2, a.packets());
        assertEquals(1_700_000_001_000_001_000L, a.firstSeenNanos());
        assertEquals(1_700_000_003_500_000_000L, a.lastSeenNanos());
        assertEquals(6, a.timestampDigits());
        assertEquals(1_700_000_002_000_000_000L, flows.get(1).firstSeenNanos());
        assertEquals(flows.get(1).firstSeenNanos(), flows.get(1).lastSeenNanos());
    }

    @Test
    void givenManyFlows_whenExtracted_thenEveryOneIsKeptInOrderPastTableGrowth() throws Exception {
        byte[][] frames = new byte[5000][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.1", "198.51.100.1", TCP, tcp(10000 + i, 80, 0)));
        }
        byte[][] twice = Arrays.copyOf(frames, 2 * frames.length);
        System.arraycopy(frames, 0, twice, frames.length, frames.length);

        List<FlowSummary> flows = extract(pcap(ETHERNET, twice)).flows();

        assertEquals(5000, flows.size());
        for (int i = 0; i < flows.size(); i++) {
            assertEquals(10000 + i, flows.get(i).sourcePort());
            assertEquals(2, flows.get(i).packets());
        }
    }

    @Test
    void givenCaptureCutInsideARecord_whenExtracted_thenCompletePacketsCountAndTruncatedIsSet() throws Exception {
        byte[] whole = pcap(ETHERNET, TCP_A, TCP_B);

        ExtractionResult result = extract(Arrays.copyOf(whole, whole.length - 1));

        assertEquals(1, result.stats().packetsRead());
        assertEquals(1, result.flows().size());
        assertTrue(result.stats().truncated());
        assertTrue(result.stats().truncation().contains("cut short"), result.stats().truncation());
    }

    /**
     * tshark calls such a file damaged ("interface index 99"): nothing after the bad block can be trusted,
     * so reading stops there, keeps the packet before it, and says exactly why.
     */
    @Test
    void givenPacketBlockNamingAnUndescribedInterface_whenExtracted_thenReadingStopsThereAndSaysWhy() throws Exception {
        byte[] capture = PcapngBytes.file(ByteOrder.LITTLE_ENDIAN)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(ETHERNET, 65535)
                .enhancedPacket(0, 1, TCP_A, TCP_A.length)
                .enhancedPacket(99, 2, TCP_B, TCP_B.length)
                .enhancedPacket(0, 3, TCP_B, TCP_B.length)
                .bytes();

        ExtractionResult result = extract(capture);

        assertEquals(1, result.stats().packetsRead());
        assertTrue(result.stats().truncated());
        assertTrue(result.stats().truncation().contains("names interface 99"), result.stats().truncation());
    }

    @Test
    void givenCompleteCapture_whenExtracted_thenNoTruncationIsReported() throws Exception {
        ExtractionResult result = extract(pcap(ETHERNET, TCP_A, TCP_B));

        assertEquals(false, result.stats().truncated());
        assertEquals(null, result.stats().truncation());
    }

    @Test
    void givenEmptyInput_whenExtracted_thenNotACapture() {
        NotACaptureException thrown = assertThrows(NotACaptureException.class, () -> extract(new byte[0]));
        assertTrue(thrown.getMessage().contains("empty"), thrown.getMessage());
    }

    @Test
    void givenGarbage_whenExtracted_thenNotACaptureNamingTheMagic() {
        NotACaptureException thrown = assertThrows(NotACaptureException.class,
                () -> extract(Bytes.hex("deadbeef 00112233 44556677 8899aabb ccddeeff 01234567")));
        assertTrue(thrown.getMessage().contains("0xDEADBEEF"), thrown.getMessage());
    }

    @Test
    void givenFileHeaderCut_whenExtracted_thenNotACapture() {
        byte[] header = PcapBytes.file(ByteOrder.BIG_ENDIAN, true, 65535, ETHERNET).bytes();

        NotACaptureException thrown = assertThrows(NotACaptureException.class,
                () -> extract(Arrays.copyOf(header, 23)));
        assertTrue(thrown.getMessage().contains("23 of 24"), thrown.getMessage());
    }
}

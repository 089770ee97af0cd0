package org.distribooze.decode;

import static org.distribooze.decode.Extraction.ETHERNET;
import static org.distribooze.decode.Extraction.pcap;
import static org.distribooze.decode.Extraction.skipped;
import static org.distribooze.testsupport.Bytes.zeros;
import static org.distribooze.testsupport.Frames.ETHERTYPE_IPV4;
import static org.distribooze.testsupport.Frames.TCP;
import static org.distribooze.testsupport.Frames.UDP;
import static org.distribooze.testsupport.Frames.ethernet;
import static org.distribooze.testsupport.Frames.ipv4;
import static org.distribooze.testsupport.Frames.tcp;
import static org.distribooze.testsupport.Frames.udp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
import org.junit.jupiter.api.Test;

/** Past the flow limit, packets of new flows are skipped for that reason and counted; kept flows go on. */
class FlowLimitTest {

    private static final int MORE_FRAGMENTS = 0x2000;
    private static final String SERVER = "198.51.100.1";

    @Test
    void givenAThirdFlowWithALimitOfTwo_whenExtracted_thenItsPacketsAndFragmentsAreSkippedForTheLimit()
            throws Exception {
        byte[] a = segment("192.0.2.1", 40000, SERVER, 443, 0);
        byte[] b = segment(SERVER, 443, "192.0.2.1", 40000, 100);
        byte[] c = segment("192.0.2.2", 40001, SERVER, 443, 0);
        byte[] aAgain = segment("192.0.2.1", 40000, SERVER, 443, 1000);
        byte[] udpNew = ethernet(ETHERTYPE_IPV4, ipv4("192.0.2.4", SERVER, UDP, udp(5353, 53, 0)));
        // A 1,980-byte TCP datagram of a fourth flow in two fragments (id 7), then an unknown later fragment.
        byte[] eFirst = fragment("192.0.2.3", 7, MORE_FRAGMENTS, 1500, tcp(40002, 80, 1460));
        byte[] eLater = fragment("192.0.2.3", 7, 185, 520, zeros(500));
        byte[] unknownLater = fragment("192.0.2.3", 9, 185, 520, zeros(500));
        // The same kind of datagram in flow a (id 8): both fragments count there.
        byte[] aFirst = fragment("192.0.2.1", 8, MORE_FRAGMENTS, 1500, tcp(40000, 443, 1460));
        byte[] aLater = fragment("192.0.2.1", 8, 185, 520, zeros(500));

        ExtractionResult result = extract(2, pcap(ETHERNET, a, b, c, aAgain, c, udpNew, eFirst, eLater,
                unknownLater, aFirst, aLater));

        List<FlowSummary> flows = result.flows();
        assertEquals(List.of("TCP 192.0.2.1 40000 > 198.51.100.1 443", "TCP 198.51.100.1 443 > 192.0.2.1 40000"),
                flows.stream().map(Extraction::endpoints).toList());
        // IP lengths 40, 1040, 1500 and 520 fall in bins 1, 32, 46 and 16 of 32 bytes.
        assertEquals(4, flows.get(0).packets());
        assertEquals(40 + 1040 + 1500 + 520, flows.get(0).bytes());
        assertArrayEquals(binsWithOne(1, 32, 46, 16), flows.get(0).counts());
        assertEquals(1, flows.get(1).packets());
        assertArrayEquals(binsWithOne(4), flows.get(1).counts());

        ExtractionStats stats = result.stats();
        assertEquals(11, stats.packetsRead());
        assertEquals(5, stats.packetsCounted());
        assertEquals(4, stats.skippedFlowLimit(), "c twice and both fragments of e");
        assertEquals(1, stats.skippedOtherTransport(), "another transport is skipped for that, not for the limit");
        assertEquals(1, stats.skippedUnattributedFragment());
        assertTrue(stats.flowLimitReached());
        assertEquals(stats.packetsRead(), stats.packetsCounted() + skipped(stats));
    }

    @Test
    void givenExactlyAsManyFlowsAsTheLimit_whenExtracted_thenTheLimitIsNotReported() throws Exception {
        byte[] a = segment("192.0.2.1", 40000, SERVER, 443, 0);
        byte[] b = segment(SERVER, 443, "192.0.2.1", 40000, 0);

        ExtractionStats stats = extract(2, pcap(ETHERNET, a, b, a, b)).stats();

        assertEquals(4, stats.packetsCounted());
        assertEquals(0, stats.skippedFlowLimit());
        assertFalse(stats.flowLimitReached());
    }

    @Test
    void givenOptionsWithoutALimit_thenTheDefaultLimitIsAMillionFlows() {
        ExtractionOptions options = new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT);

        assertEquals(1_000_000, options.maxFlows());
        assertEquals(1_000_000, ExtractionOptions.DEFAULT.maxFlows());
    }

    @Test
    void givenALimitBelowOne_thenTheOptionsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT, 0));

        assertEquals("the maximum number of flows must be at least 1, got 0", e.getMessage());
    }

    private static ExtractionResult extract(int maxFlows, byte[] capture) throws Exception {
        return new FlowExtractor(new ExtractionOptions(Set.of(Transport.TCP), Binning.DEFAULT, maxFlows))
                .extract(new ByteArrayInputStream(capture));
    }

    private static byte[] segment(String source, int sourcePort, String destination, int destinationPort,
            int payload) {
        return ethernet(ETHERTYPE_IPV4, ipv4(source, destination, TCP, tcp(sourcePort, destinationPort, payload)));
    }

    private static byte[] fragment(String source, int id, int flagsOffset, int totalLength, byte[] payload) {
        return ethernet(ETHERTYPE_IPV4, ipv4(source, SERVER, TCP, id, flagsOffset, totalLength, payload));
    }

    private static long[] binsWithOne(int... bins) {
        long[] counts = new long[Binning.DEFAULT.binCount()];
        for (int bin : bins) {
            counts[bin]++;
        }
        return counts;
    }
}

package org.distribooze.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
import org.distribooze.testsupport.SharedData;
import org.distribooze.testsupport.TruthFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shared capture that has a truth file, checked against what tshark saw: each outermost (depth 0)
 * TCP and UDP flow with its packet count, byte count and all 48 bins worked out here from the truth's
 * ip_lengths column, no flow more, and the packet accounting where the truth's header counts allow it.
 */
class TruthCapturesTest {

    private static final String[] FOLDERS = {"seed", "corpus", "cases"};
    private static final int BIN_WIDTH = 32;
    private static final int LAST_BIN = 47;

    /** Content that is not a capture: 20 bytes, shorter than the 24-byte pcap file header. */
    private static final Set<String> NOT_CAPTURES = Set.of("trunc_file_header.pcap");

    /**
     * Where each 'frag' row (fragments after the first, keyed by addresses and IP id) belongs: the flow of
     * the datagram's first fragment, or null when the capture does not hold it. Worked out with
     * {@code tshark -o ip.defragment:FALSE -o ipv6.defragment:FALSE -T fields -e frame.number -e ip.id
     * -e ip.frag_offset -e ip.flags.mf -e ipv6.fraghdr.ident -e ipv6.fraghdr.offset -e tcp.srcport
     * -e udp.srcport}:
     * <ul>
     * <li>ipv4_frag_tcp_udp.pcap: frame 1 (id 0x4242, offset 0, MF, TCP 40016) starts frames 2-3;
     * frame 5 (id 0x5151, offset 0, MF, UDP 40017) starts frame 6.</li>
     * <li>zeek_fragmented-4.pcap: frame 2 (id 0x0000, offset 0, MF, TCP 7790) starts frames 3-5.</li>
     * <li>ipv6_ext_chain.pcap: frame 8 (ident 0x77, offset 80 bytes) has no first fragment; frame 2's
     * fragment header (ident 0x1234, offset 0, no M) is atomic.</li>
     * </ul>
     */
    private static final Map<String, Map<String, String>> FRAGMENT_OWNERS = Map.of(
            "ipv4_frag_tcp_udp.pcap", Map.of(
                    "frag 192.0.2.10 id=0x4242 > 198.51.100.20 -", "tcp 192.0.2.10 40016 > 198.51.100.20 80",
                    "frag 192.0.2.10 id=0x5151 > 203.0.113.30 -", "udp 192.0.2.10 40017 > 203.0.113.30 5000"),
            "zeek_fragmented-4.pcap", Map.of(
                    "frag 128.32.46.142 id=0x0000 > 10.0.0.1 -", "tcp 128.32.46.142 7790 > 10.0.0.1 80"),
            "ipv6_ext_chain.pcap", mapToNothing("frag 2001:db8::10 id=0x00000077 > 2001:db8:1::20 -"));

    private static int capturesChecked;
    private static int flowsChecked;

    @TestFactory
    Stream<DynamicTest> everyCaptureWithATruthFile() throws IOException {
        return capturesWithTruth().stream()
                .map(capture -> DynamicTest.dynamicTest(capture.getFileName().toString(), () -> check(capture)));
    }

    @Test
    void everyCaptureHasATruthFileAndEveryTruthFileItsCapture() throws IOException {
        List<String> captures = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(SharedData.pcaps().resolve(folder))) {
                files.forEach(file -> captures.add(file.getFileName().toString()));
            }
        }
        List<String> truths;
        try (Stream<Path> files = Files.list(SharedData.pcaps().resolve("truth"))) {
            truths = files.map(file -> file.getFileName().toString().replaceFirst("\\.tsv$", "")).toList();
        }

        assertEquals(new TreeSet<>(truths), new TreeSet<>(captures));
    }

    @AfterAll
    static void report() {
        System.out.println("TruthCapturesTest: " + capturesChecked + " captures, " + flowsChecked
                + " depth-0 flows checked against tshark's truth");
    }

    private static void check(Path capture) throws Exception {
        String name = capture.getFileName().toString();
        TruthFile truth = TruthFile.read(SharedData.pcaps().resolve("truth").resolve(name + ".tsv"));
        if (NOT_CAPTURES.contains(name)) {
            NotACaptureException thrown = assertThrows(NotACaptureException.class, () -> extract(capture, both()));
            assertTrue(thrown.getMessage().contains("cut short"), thrown.getMessage());
            capturesChecked++;
            return;
        }

        Map<String, long[]> expected = expectedFlows(name, truth);
        ExtractionResult result = extract(capture, both());
        ExtractionStats stats = result.stats();

        assertEquals(List.copyOf(expected.keySet()), result.flows().stream().map(TruthCapturesTest::key).toList(),
                "flows, in first-seen order");
        for (FlowSummary flow : result.flows()) {
            checkFlow(flow, expected.get(key(flow)));
        }
        checkAccounting(name, truth, expected, stats);
        checkSingleTransport(capture, truth, Transport.TCP, "tcp");
        checkSingleTransport(capture, truth, Transport.UDP, "udp");
        capturesChecked++;
        flowsChecked += expected.size();
    }

    /** Depth-0 TCP and UDP rows ordered by first frame, with fragment rows added to their owners. */
    private static Map<String, long[]> expectedFlows(String name, TruthFile truth) {
        List<TruthFile.Row> outer = truth.rows().stream()
                .filter(row -> row.depth() == 0 && (row.l4().equals("tcp") || row.l4().equals("udp")))
                .sorted(Comparator.comparingInt(TruthFile.Row::firstFrame))
                .toList();
        Map<String, long[]> flows = new LinkedHashMap<>();
        for (TruthFile.Row row : outer) {
            flows.put(row.flowKey(), row.ipLengths());
        }

        for (TruthFile.Row row : truth.rows()) {
            if (row.l4().equals("frag")) {
                Map<String, String> owners = FRAGMENT_OWNERS.get(name);
                assertNotNull(owners, name + " has fragment rows: say in FRAGMENT_OWNERS where they belong");
                assertTrue(owners.containsKey(row.flowKey()), "no owner decided for " + row.flowKey());
                String owner = owners.get(row.flowKey());
                if (owner != null) {
                    flows.merge(owner, row.ipLengths(), TruthCapturesTest::append);
                }
            }
        }
        return flows;
    }

    private static void checkFlow(FlowSummary flow, long[] ipLengths) {
        long[] bins = new long[LAST_BIN + 1];
        long bytes = 0;
        for (long length : ipLengths) {
            bins[(int) Math.min(length / BIN_WIDTH, LAST_BIN)]++;
            bytes += length;
        }

        assertEquals(ipLengths.length, flow.packets(), key(flow) + " packets");
        assertEquals(bytes, flow.bytes(), key(flow) + " bytes");
        assertArrayEquals(bins, flow.counts(), key(flow) + " bins");
        assertEquals(flow.sourceAddress().contains(":") ? 6 : 4, flow.ipVersion(), key(flow) + " IP version");
        assertTrue(flow.firstSeenNanos() <= flow.lastSeenNanos(), key(flow) + " first seen after last seen");
    }

    private static void checkAccounting(String name, TruthFile truth, Map<String, long[]> expected,
            ExtractionStats stats) {
        long unattributed = 0;
        for (TruthFile.Row row : truth.rows()) {
            if (row.l4().equals("frag") && FRAGMENT_OWNERS.get(name).get(row.flowKey()) == null) {
                unattributed += row.packets();
            }
        }
        long inFlows = expected.values().stream().mapToLong(lengths -> lengths.length).sum();
        long packets = truth.headerCount("packets");
        long notIp = truth.headerCount("frames_without_ip");

        assertEquals(packets, stats.packetsRead(), "packets read");
        assertEquals(inFlows, stats.packetsCounted(), "packets counted");
        assertEquals(notIp, stats.skippedNotIp(), "not IP");
        assertEquals(unattributed, stats.skippedUnattributedFragment(), "unattributed fragments");
        assertEquals(0, stats.skippedCutShort(), "cut short: no shared capture loses its ports to the snaplen");
        // tshark files tunnelled packets under their inner transport too; here they are the outer header's
        // protocol, so whatever is IP but not in a flow nor an unattributed fragment is another transport.
        assertEquals(packets - notIp - inFlows - unattributed, stats.skippedOtherTransport(), "other transport");
        assertEquals(truth.header("tshark_stderr").contains("cut short"), stats.truncated(), "truncated");
        assertEquals(expectedLinkTypeCount(truth), stats.linkTypes().size(), "link types " + stats.linkTypes());
    }

    /**
     * With one transport selected, tshark's per-transport packet counts must match ours wherever they
     * mean the same: no fragments (which tshark counts apart) and no tunnels (tshark counts a tunnelled
     * packet under its innermost transport, here it belongs to its outer header's).
     */
    private static void checkSingleTransport(Path capture, TruthFile truth, Transport transport, String l4)
            throws Exception {
        boolean fragments = truth.rows().stream().anyMatch(row -> row.l4().equals("frag"));
        boolean tunnels = truth.rows().stream().anyMatch(row -> row.depth() > 0);
        if (fragments || tunnels) {
            return;
        }
        long outerFlows = truth.headerCount(l4 + "_flows_outer(depth0)");

        ExtractionResult result = extract(capture, EnumSet.of(transport));
        assertEquals(truth.headerCount("ipv4_" + l4 + "_packets") + truth.headerCount("ipv6_" + l4 + "_packets"),
                result.stats().packetsCounted(), l4 + " packets counted with only " + transport);
        assertEquals(outerFlows, result.flows().size(), l4 + " flows with only " + transport);
        assertFalse(result.flows().stream().anyMatch(flow -> flow.transport() != transport), "other transport");
    }

    /** The truth's encap header lists one "name (number):count" entry per encapsulation seen. */
    private static int expectedLinkTypeCount(TruthFile truth) {
        String encap = truth.header("encap").trim();
        return encap.isEmpty() ? 0 : encap.split(", ").length;
    }

    private static ExtractionResult extract(Path capture, Set<Transport> transports) throws Exception {
        try (InputStream in = Files.newInputStream(capture)) {
            return new FlowExtractor(new ExtractionOptions(transports, Binning.DEFAULT)).extract(in);
        }
    }

    private static Set<Transport> both() {
        return EnumSet.of(Transport.TCP, Transport.UDP);
    }

    private static String key(FlowSummary flow) {
        return flow.transport().name().toLowerCase() + " " + flow.sourceAddress() + " " + flow.sourcePort() + " > "
                + flow.destinationAddress() + " " + flow.destinationPort();
    }

    private static List<Path> capturesWithTruth() throws IOException {
        List<Path> captures = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(SharedData.pcaps().resolve(folder))) {
                files.filter(file -> Files.exists(truthOf(file))).sorted().forEach(captures::add);
            }
        }
        return captures;
    }

    private static Path truthOf(Path capture) {
        return SharedData.pcaps().resolve("truth").resolve(capture.getFileName() + ".tsv");
    }

    private static long[] append(long[] first, long[] second) {
        long[] both = new long[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Map<String, String> mapToNothing(String fragmentRow) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(fragmentRow, null);
        return owners;
    }
}

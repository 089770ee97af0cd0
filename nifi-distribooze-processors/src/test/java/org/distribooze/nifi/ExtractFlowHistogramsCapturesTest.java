package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared capture through the processor, with each Transport choice, against tshark's truth: the flows
 * (depth-0 rows, plus the fragments after the first of their datagrams), their packet counts and bins worked out
 * from the truth's IP lengths, and the packet accounting.
 */
class ExtractFlowHistogramsCapturesTest {

    private static final int BIN_WIDTH = 32;
    private static final int LAST_BIN = 47;

    // tshark names encapsulations by its own numbers; these are the LINKTYPE values the shared files declare for
    // them (read from their file headers and interface description blocks).
    private static final Map<String, Integer> LINK_TYPE_OF_ENCAPSULATION = Map.of(
            "Ethernet (1)", 1,
            "NULL/Loopback (15)", 0,
            "Raw IP (7)", 101,
            "Linux cooked-mode capture v1 (25)", 113,
            "Linux cooked-mode capture v2 (210)", 276);

    /**
     * Which flow the fragments after the first of each fragmented datagram belong to: the flow of the datagram's
     * first fragment, or null when the capture does not hold it. Read from the packets' IP identification, fragment
     * offset and ports: in ipv4_frag_tcp_udp.pcap frame 1 (id 0x4242, offset 0, TCP 40016) starts frames 2-3 and
     * frame 5 (id 0x5151, offset 0, UDP 40017) starts frame 6; in zeek_fragmented-4.pcap frame 2 (id 0, offset 0,
     * TCP 7790) starts frames 3-5; in ipv6_ext_chain.pcap frame 8 (id 0x77, offset 80 bytes) has no first fragment.
     */
    private static final Map<String, Map<String, String>> FRAGMENT_OWNERS = Map.of(
            "ipv4_frag_tcp_udp.pcap", Map.of(
                    "frag 192.0.2.10 id=0x4242 > 198.51.100.20 -", "tcp 192.0.2.10 40016 > 198.51.100.20 80",
                    "frag 192.0.2.10 id=0x5151 > 203.0.113.30 -", "udp 192.0.2.10 40017 > 203.0.113.30 5000"),
            "zeek_fragmented-4.pcap", Map.of(
                    "frag 128.32.46.142 id=0x0000 > 10.0.0.1 -", "tcp 128.32.46.142 7790 > 10.0.0.1 80"),
            "ipv6_ext_chain.pcap", new HashMap<>(Collections.singletonMap(
                    "frag 2001:db8::10 id=0x00000077 > 2001:db8:1::20 -", null)));

    private static final Map<String, String> FORMAT_OF_MAGIC = Map.of(
            "d4c3b2a1", "PCAP", "a1b2c3d4", "PCAP",
            "4d3cb2a1", "PCAP_NANOSECOND", "a1b23c4d", "PCAP_NANOSECOND",
            "0a0d0d0a", "PCAPNG");

    private static final Pattern MICROSECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    private static final Pattern NANOSECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");

    static Stream<Arguments> capturesAndTransports() throws IOException {
        return SharedData.captures("seed", "corpus", "cases").stream()
                .filter(capture -> !capture.getFileName().toString().equals("trunc_file_header.pcap"))
                .flatMap(capture -> Arrays.stream(TransportSelection.values())
                        .map(transport -> Arguments.of(capture.getFileName().toString(), capture, transport)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("capturesAndTransports")
    void givenSharedCaptureWhenExtractedThenFlowsAndAccountingMatchTshark(String name, Path capture,
                                                                         TransportSelection transport)
            throws Exception {
        TruthFile truth = TruthFile.read(SharedData.truth(capture));
        TestRunner runner = JsonServices.extractRunner();
        runner.setProperty(ExtractFlowHistograms.TRANSPORT, transport.getValue());

        runner.enqueue(capture, Map.of("filename", name));
        runner.run();

        runner.assertTransferCount(ExtractFlowHistograms.REL_FAILURE, 0);
        runner.assertTransferCount(ExtractFlowHistograms.REL_SUCCESS, 1);
        runner.assertTransferCount(ExtractFlowHistograms.REL_ORIGINAL, 1);
        MockFlowFile flows = runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0);
        MockFlowFile original = runner.getFlowFilesForRelationship(ExtractFlowHistograms.REL_ORIGINAL).get(0);
        original.assertContentEquals(capture);

        Map<String, long[]> expected = expectedFlows(name, truth, transport);
        List<JsonNode> records = JsonServices.records(flows);
        assertEquals(expected.size(), records.size(), "flows; tshark has " + expected.keySet());
        String format = formatOf(capture);
        for (JsonNode record : records) {
            assertFlowMatches(record, expected, name, format);
        }

        flows.assertAttributeEquals(RecordChildren.RECORD_COUNT, String.valueOf(expected.size()));
        flows.assertAttributeEquals("mime.type", "application/json");
        for (MockFlowFile flowFile : List.of(flows, original)) {
            assertAccounting(flowFile, truth, expected, transport, format, unattributedFragments(name, truth));
        }
    }

    /** Depth-0 rows of the selected transports, keyed like {@link #key}, with their fragments' lengths added. */
    private static Map<String, long[]> expectedFlows(String name, TruthFile truth, TransportSelection transport) {
        Set<String> protocols = transport.transports().stream().map(t -> t.name().toLowerCase())
                .collect(Collectors.toSet());
        Map<String, long[]> expected = new HashMap<>();
        for (TruthFile.Row row : truth.rows()) {
            if (row.depth() == 0 && protocols.contains(row.l4())) {
                expected.put(key(row.l4(), row.source(), row.sourcePort(), row.destination(), row.destinationPort()),
                        row.ipLengths());
            }
        }

        for (TruthFile.Row row : truth.rows()) {
            String owner = row.l4().equals("frag") ? fragmentOwner(name, row) : null;
            if (owner != null && expected.containsKey(owner)) {
                expected.merge(owner, row.ipLengths(), ExtractFlowHistogramsCapturesTest::concatenated);
            }
        }
        return expected;
    }

    private static String fragmentOwner(String name, TruthFile.Row fragments) {
        String fragmentKey = key("frag", fragments.source(), fragments.sourcePort(), fragments.destination(),
                fragments.destinationPort());
        Map<String, String> owners = FRAGMENT_OWNERS.get(name);
        if (owners == null || !owners.containsKey(fragmentKey)) {
            throw new AssertionError(name + ": no owner worked out for the fragments " + fragmentKey);
        }
        return owners.get(fragmentKey);
    }

    private static long unattributedFragments(String name, TruthFile truth) {
        return truth.rows().stream()
                .filter(row -> row.l4().equals("frag") && fragmentOwner(name, row) == null)
                .mapToLong(TruthFile.Row::packets)
                .sum();
    }

    private static void assertFlowMatches(JsonNode record, Map<String, long[]> expected, String name, String format) {
        String key = key(record.get("transport").asText().toLowerCase(), record.get("src_ip").asText(),
                record.get("src_port").asText(), record.get("dst_ip").asText(), record.get("dst_port").asText());
        long[] ipLengths = expected.get(key);
        assertNotNull(ipLengths, "flow " + key + " is not in tshark's truth " + expected.keySet());

        assertEquals(ipLengths.length, record.get("packets").asLong(), "packets of " + key);
        assertArrayEquals(bins(ipLengths), JsonServices.longs(record.get("histogram")), "bins of " + key);
        assertEquals(LongStream.of(ipLengths).sum(), record.get("bytes").asLong(), "bytes of " + key);
        assertEquals(key.contains(":") ? 6 : 4, record.get("ip_version").asInt(), "IP version of " + key);
        assertEquals(name, record.get("capture_file").asText());

        Pattern timestamp = format.equals("PCAP_NANOSECOND") ? NANOSECONDS : MICROSECONDS;
        String firstSeen = record.get("first_seen").asText();
        String lastSeen = record.get("last_seen").asText();
        assertTrue(timestamp.matcher(firstSeen).matches(), "first_seen of " + key + ": " + firstSeen);
        assertTrue(timestamp.matcher(lastSeen).matches(), "last_seen of " + key + ": " + lastSeen);
    }

    private static void assertAccounting(MockFlowFile flowFile, TruthFile truth, Map<String, long[]> expected,
                                         TransportSelection transport, String format, long unattributedFragments) {
        long read = truth.count("packets");
        long counted = expected.values().stream().mapToLong(lengths -> lengths.length).sum();
        flowFile.assertAttributeEquals(CaptureAttributes.FORMAT, format);
        flowFile.assertAttributeEquals(CaptureAttributes.LINK_TYPES, linkTypes(truth.header("encap")));
        flowFile.assertAttributeEquals(CaptureAttributes.TRUNCATED,
                String.valueOf(truth.header("tshark_stderr").contains("cut short")));
        flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_READ, String.valueOf(read));
        flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_COUNTED, String.valueOf(counted));
        flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_NOT_IP,
                String.valueOf(truth.count("frames_without_ip")));

        // With one transport selected, a fragment of the other may fairly count as that transport instead.
        if (transport == TransportSelection.TCP_AND_UDP) {
            flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT,
                    String.valueOf(unattributedFragments));
        }

        long skipped = Stream.of(CaptureAttributes.SKIPPED_NOT_IP, CaptureAttributes.SKIPPED_OTHER_TRANSPORT,
                        CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT, CaptureAttributes.SKIPPED_CUT_SHORT,
                        CaptureAttributes.SKIPPED_FLOW_LIMIT)
                .mapToLong(attribute -> Long.parseLong(flowFile.getAttribute(attribute))).sum();
        assertEquals(read, counted + skipped, "every packet read is counted or skipped for one reason");
    }

    private static long[] concatenated(long[] first, long[] second) {
        long[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static long[] bins(long[] ipLengths) {
        long[] counts = new long[LAST_BIN + 1];
        for (long length : ipLengths) {
            counts[(int) Math.min(length / BIN_WIDTH, LAST_BIN)]++;
        }
        return counts;
    }

    private static String linkTypes(String encapsulations) {
        TreeSet<Integer> linkTypes = new TreeSet<>();
        for (String encapsulation : encapsulations.split(", ")) {
            if (!encapsulation.isBlank()) {
                String name = encapsulation.substring(0, encapsulation.lastIndexOf(':'));
                Integer linkType = LINK_TYPE_OF_ENCAPSULATION.get(name);
                assertNotNull(linkType, "no LINKTYPE known for tshark's " + name);
                linkTypes.add(linkType);
            }
        }
        return linkTypes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String formatOf(Path capture) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(capture)) {
            assertEquals(4, in.readNBytes(magic, 0, 4), "capture shorter than its magic number");
        }
        String format = FORMAT_OF_MAGIC.get(HexFormat.of().formatHex(magic));
        assertNotNull(format, "unknown magic in " + capture);
        return format;
    }

    private static String key(String l4, String source, String sourcePort, String destination,
                              String destinationPort) {
        return l4 + " " + source + " " + sourcePort + " > " + destination + " " + destinationPort;
    }
}

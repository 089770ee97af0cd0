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
 * (depth-0 rows), their packet counts and bins worked out from the truth's IP lengths, and the packet accounting.
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

        Map<String, TruthFile.Row> expected = expectedFlows(truth, transport);
        List<JsonNode> records = JsonServices.records(flows);
        assertEquals(expected.size(), records.size(), "flows; tshark has " + expected.keySet());
        String format = formatOf(capture);
        for (JsonNode record : records) {
            assertFlowMatches(record, expected, name, format);
        }

        flows.assertAttributeEquals(RecordChildren.RECORD_COUNT, String.valueOf(expected.size()));
        flows.assertAttributeEquals("mime.type", "application/json");
        for (MockFlowFile flowFile : List.of(flows, original)) {
            assertAccounting(flowFile, truth, expected, transport, format);
        }
    }

    private static Map<String, TruthFile.Row> expectedFlows(TruthFile truth, TransportSelection transport) {
        Set<String> protocols = transport.transports().stream().map(t -> t.name().toLowerCase())
                .collect(Collectors.toSet());
        Map<String, TruthFile.Row> expected = new HashMap<>();
        for (TruthFile.Row row : truth.rows()) {
            if (row.depth() == 0 && protocols.contains(row.l4())) {
                expected.put(key(row.l4(), row.source(), row.sourcePort(), row.destination(), row.destinationPort()),
                        row);
            }
        }
        return expected;
    }

    private static void assertFlowMatches(JsonNode record, Map<String, TruthFile.Row> expected, String name,
                                          String format) {
        String key = key(record.get("transport").asText().toLowerCase(), record.get("src_ip").asText(),
                record.get("src_port").asText(), record.get("dst_ip").asText(), record.get("dst_port").asText());
        TruthFile.Row row = expected.get(key);
        assertNotNull(row, "flow " + key + " is not in tshark's truth " + expected.keySet());

        assertEquals(row.packets(), record.get("packets").asLong(), "packets of " + key);
        assertArrayEquals(bins(row.ipLengths()), JsonServices.longs(record.get("histogram")), "bins of " + key);
        assertEquals(LongStream.of(row.ipLengths()).sum(), record.get("bytes").asLong(), "bytes of " + key);
        assertEquals(row.source().contains(":") ? 6 : 4, record.get("ip_version").asInt(), "IP version of " + key);
        assertEquals(name, record.get("capture_file").asText());

        Pattern timestamp = format.equals("PCAP_NANOSECOND") ? NANOSECONDS : MICROSECONDS;
        String firstSeen = record.get("first_seen").asText();
        String lastSeen = record.get("last_seen").asText();
        assertTrue(timestamp.matcher(firstSeen).matches(), "first_seen of " + key + ": " + firstSeen);
        assertTrue(timestamp.matcher(lastSeen).matches(), "last_seen of " + key + ": " + lastSeen);
    }

    private static void assertAccounting(MockFlowFile flowFile, TruthFile truth, Map<String, TruthFile.Row> expected,
                                         TransportSelection transport, String format) {
        long read = truth.count("packets");
        long counted = expected.values().stream().mapToLong(TruthFile.Row::packets).sum();
        flowFile.assertAttributeEquals(CaptureAttributes.FORMAT, format);
        flowFile.assertAttributeEquals(CaptureAttributes.LINK_TYPES, linkTypes(truth.header("encap")));
        flowFile.assertAttributeEquals(CaptureAttributes.TRUNCATED,
                String.valueOf(truth.header("tshark_stderr").contains("cut short")));
        flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_READ, String.valueOf(read));
        flowFile.assertAttributeEquals(CaptureAttributes.PACKETS_COUNTED, String.valueOf(counted));
        flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_NOT_IP,
                String.valueOf(truth.count("frames_without_ip")));

        // With both transports selected every non-first fragment is unattributed; with one, a fragment of the
        // other transport may fairly be counted as that transport instead, and tshark does not say which it is.
        if (transport == TransportSelection.TCP_AND_UDP) {
            long fragments = truth.rows().stream().filter(row -> row.l4().equals("frag"))
                    .mapToLong(TruthFile.Row::packets).sum();
            flowFile.assertAttributeEquals(CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT, String.valueOf(fragments));
        }

        long skipped = Stream.of(CaptureAttributes.SKIPPED_NOT_IP, CaptureAttributes.SKIPPED_OTHER_TRANSPORT,
                        CaptureAttributes.SKIPPED_UNATTRIBUTED_FRAGMENT, CaptureAttributes.SKIPPED_CUT_SHORT)
                .mapToLong(attribute -> Long.parseLong(flowFile.getAttribute(attribute))).sum();
        assertEquals(read, counted + skipped, "every packet read is counted or skipped for one reason");
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

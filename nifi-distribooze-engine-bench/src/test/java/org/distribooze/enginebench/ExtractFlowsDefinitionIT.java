package org.distribooze.enginebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.stateless.flow.TriggerResult;
import org.distribooze.engine.FlowRun;
import org.distribooze.engine.StatelessRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow definition the engine benchmark times, run in the engine on a shared capture (every flow checked against
 * tshark's) and on a non-capture.
 */
class ExtractFlowsDefinitionIT {

    private static final String CAPTURE = "corpus/dpkt_nb6-http.pcap";
    private static final int BIN_WIDTH = 32;
    private static final int BINS = 1504 / BIN_WIDTH + 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static FlowRun flow;

    @BeforeAll
    static void startEngine() throws Exception {
        Path nifi = Path.of(System.getProperty(EngineExtractionBenchmark.NIFI_DIR_PROPERTY));
        Path definition = work.resolve(EngineExtractionBenchmark.FLOW_DEFINITION);
        try (InputStream in = ExtractFlowsDefinitionIT.class.getResourceAsStream(
                "/" + EngineExtractionBenchmark.FLOW_DEFINITION)) {
            Files.copy(in, definition);
        }
        flow = FlowRun.start(StatelessRuntime.load(nifi.resolve("nars"), nifi.resolve("work")), definition, Map.of());
    }

    @AfterAll
    static void stopEngine() {
        flow.close();
    }

    @Test
    void extractsEveryOuterTcpFlowAsTsharkSeesIt() throws Exception {
        Path capture = shared().resolve("pcaps").resolve(CAPTURE);
        try (InputStream in = Files.newInputStream(capture)) {
            flow.enqueue(in, Map.of("filename", capture.getFileName().toString()), "captures");
        }

        TriggerResult result = flow.triggerUnacknowledged();
        List<FlowFile> records;
        byte[] content;
        try {
            records = result.getOutputFlowFiles("flows");
            assertEquals(1, records.size(), "one records FlowFile: " + result.getOutputFlowFiles());
            assertTrue(result.getOutputFlowFiles("failure").isEmpty(), "nothing failed");
            content = result.readContentAsByteArray(records.get(0));
        } finally {
            result.acknowledge();
        }

        // The definition's parameters must be the processor's defaults: 32-byte bins, the last from 1504 up.
        Map<String, String> expected = tsharkOuterTcpFlows(capture);
        Map<String, String> extracted = new TreeMap<>();
        for (JsonNode record : JSON.readTree(content)) {
            List<Long> histogram = new ArrayList<>();
            record.path("histogram").forEach(count -> histogram.add(count.asLong()));
            extracted.put(key(record.path("src_ip").asText(), record.path("src_port").asText(),
                    record.path("dst_ip").asText(), record.path("dst_port").asText()),
                    record.path("packets").asLong() + " packets, " + record.path("bytes").asLong() + " bytes, "
                            + histogram);
        }
        assertEquals(expected, extracted);
        assertEquals(String.valueOf(expected.size()), records.get(0).getAttribute("record.count"));
    }

    @Test
    void aNonCaptureLeavesByTheFailurePortWithItsReason() throws Exception {
        byte[] text = "not a capture at all\n".getBytes(StandardCharsets.US_ASCII);
        flow.enqueue(new ByteArrayInputStream(text), Map.of("filename", "notes.txt"), "captures");

        Map<String, List<Map<String, String>>> outputs = flow.trigger();

        List<Map<String, String>> failed = outputs.getOrDefault("failure", List.of());
        assertEquals(1, failed.size(), "one failure: " + outputs);
        assertTrue(failed.get(0).get("extract.failure.reason").startsWith("not a packet capture"),
                failed.get(0).toString());
        assertTrue(outputs.getOrDefault("flows", List.of()).isEmpty(), "no records: " + outputs);
    }

    /**
     * tshark's outermost TCP flows of a capture, from its truth file: packets, bytes and the bins worked out from
     * each packet's IP length by the processor's default rule (32-byte bins, 48 of them).
     */
    private static Map<String, String> tsharkOuterTcpFlows(Path capture) throws IOException {
        Path truth = shared().resolve("pcaps").resolve("truth").resolve(capture.getFileName() + ".tsv");
        Map<String, String> flows = new TreeMap<>();
        for (String line : Files.readAllLines(truth)) {
            String[] columns = line.split("\t");
            if (!columns[0].equals("tcp") || !columns[5].equals("0")) {
                continue;
            }

            long[] histogram = new long[BINS];
            long bytes = 0;
            String[] lengths = columns[8].split(",");
            for (String length : lengths) {
                int ipLength = Integer.parseInt(length);
                histogram[Math.min(ipLength / BIN_WIDTH, BINS - 1)]++;
                bytes += ipLength;
            }
            List<Long> counts = new ArrayList<>();
            for (long count : histogram) {
                counts.add(count);
            }
            flows.put(key(columns[1], columns[2], columns[3], columns[4]),
                    lengths.length + " packets, " + bytes + " bytes, " + counts);
        }
        return flows;
    }

    private static String key(String source, String sourcePort, String destination, String destinationPort) {
        return source + ":" + sourcePort + " > " + destination + ":" + destinationPort;
    }

    private static Path shared() {
        return Path.of(System.getProperty("distribooze.shared.dir"));
    }
}

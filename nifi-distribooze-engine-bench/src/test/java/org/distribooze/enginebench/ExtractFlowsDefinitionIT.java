package org.distribooze.enginebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.distribooze.engine.FlowRun;
import org.distribooze.engine.StatelessRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flow definition the engine benchmark times, run in the engine on a shared capture and on a non-capture. */
class ExtractFlowsDefinitionIT {

    private static final String CAPTURE = "corpus/dpkt_nb6-http.pcap";

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
    void extractsEveryOuterTcpFlowTsharkFinds() throws Exception {
        Path capture = shared().resolve("pcaps").resolve(CAPTURE);
        try (InputStream in = Files.newInputStream(capture)) {
            flow.enqueue(in, Map.of("filename", capture.getFileName().toString()), "captures");
        }

        Map<String, List<Map<String, String>>> outputs = flow.trigger();

        List<Map<String, String>> records = outputs.getOrDefault("flows", List.of());
        assertEquals(1, records.size(), "one records FlowFile: " + outputs);
        assertEquals(tsharkOuterTcpFlows(capture), Long.parseLong(records.get(0).get("record.count")));
        assertTrue(outputs.getOrDefault("failure", List.of()).isEmpty(), "nothing failed: " + outputs);
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

    // The truth file's header gives tshark's count of outermost (depth 0) TCP flows, the processor's default.
    private static long tsharkOuterTcpFlows(Path capture) throws IOException {
        Path truth = shared().resolve("pcaps").resolve("truth").resolve(capture.getFileName() + ".tsv");
        for (String line : Files.readAllLines(truth)) {
            if (line.startsWith("# tcp_flows_outer(depth0)\t")) {
                return Long.parseLong(line.substring(line.indexOf('\t') + 1).trim());
            }
        }
        throw new IllegalStateException("no outer TCP flow count in " + truth);
    }

    private static Path shared() {
        return Path.of(System.getProperty("distribooze.shared.dir"));
    }
}

package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * templates/pcap-to-clusters.json run by NiFi's Stateless engine through the distribooze-engine command, its
 * files checked against the reference oracle, which reads the captures on its own.
 */
class PcapToClustersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    /** One capture with the template's own DBSCAN settings (8.0, 5): every flow as the oracle has it. */
    @Test
    void oneCaptureGivesTheOraclesHistogramsClustersAndDistances() throws Exception {
        Path capture = SharedData.capture("seed/ssh_27122.pcap");

        Report report = engine(capture.toString());

        assertEquals(0, report.exitCode, report.text);
        List<Path> flowFiles = Folders.files(output.resolve("flows"));
        assertEquals(1, flowFiles.size(), flowFiles.toString());
        Map<String, JsonNode> ours = FlowKeys.ours(JSON.readTree(flowFiles.get(0).toFile()));
        Map<String, JsonNode> oracle = FlowKeys.oracle(ReferenceOracle.flows(capture, 8.0, 5));

        assertEquals(oracle.keySet(), ours.keySet());
        for (Map.Entry<String, JsonNode> flow : oracle.entrySet()) {
            JsonNode mine = ours.get(flow.getKey());
            assertArrayEquals(FlowKeys.longs(flow.getValue().path("counts")), FlowKeys.longs(mine.path("histogram")),
                    flow.getKey());
            assertEquals(flow.getValue().path("distance").asDouble(), mine.path("distance").asDouble(), 1e-9,
                    flow.getKey());
        }
        assertEquals(FlowKeys.partition(oracle), FlowKeys.partition(ours));
        assertEquals(FlowKeys.noise(oracle), FlowKeys.noise(ours));
    }

    /**
     * Three captures and one that is no capture at all: the three are clustered in one batch (one flows file,
     * one clusters file of the same name) holding each capture's flows as the oracle counts them, and the
     * broken one lands in failures/ unchanged, with its reason beside it.
     */
    @Test
    void manyCapturesMakeOneBatchAndABrokenOneIsSetAside() throws Exception {
        List<String> seeds = List.of("bittorrent.pcap", "doh_luca.pcap", "ssh_27122.pcap");
        Path broken = SharedData.capture("cases/trunc_file_header.pcap");
        Map<String, Integer> expected = new TreeMap<>();
        for (String seed : seeds) {
            expected.put(seed, ReferenceOracle.flows(SharedData.capture("seed/" + seed), 8.0, 5).size());
        }
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();

        Report report = engine("-m", "2", SharedData.capture("seed/" + seeds.get(0)).getParent().toString(),
                broken.toString());

        assertEquals(0, report.exitCode, report.text);
        List<Path> flowFiles = Folders.files(output.resolve("flows"));
        List<Path> clusterFiles = Folders.files(output.resolve("clusters"));
        assertEquals(1, flowFiles.size(), flowFiles.toString());
        assertEquals(List.of(flowFiles.get(0).getFileName()), clusterFiles.stream().map(Path::getFileName).toList());

        JsonNode flows = JSON.readTree(flowFiles.get(0).toFile());
        Map<String, Integer> perCapture = new TreeMap<>();
        flows.forEach(f -> perCapture.merge(f.path("capture_file").asText(), 1, Integer::sum));
        assertEquals(expected, perCapture);

        int clustered = 0;
        for (JsonNode cluster : JSON.readTree(clusterFiles.get(0).toFile())) {
            assertEquals(2, cluster.path("min_points").asInt());
            clustered += cluster.path("flows").asInt();
        }
        assertEquals(total, clustered);
        assertTrue(report.text.contains(total + " flows from 3 captures"), report.text);

        Path failed = output.resolve("failures").resolve(broken.getFileName());
        assertArrayEquals(Files.readAllBytes(broken), Files.readAllBytes(failed));
        JsonNode reason = JSON.readTree(output.resolve("failures/trunc_file_header.pcap.reason.json").toFile());
        assertEquals("trunc_file_header.pcap", reason.path("failed.file").asText());
        assertFalse(reason.path("extract.failure.reason").asText().isBlank(), reason.toString());
        assertEquals(List.of(), Folders.files(output.resolve("notices")), "whole captures give no notice");
    }

    /**
     * The template's Distance parameter reaches ClusterFlows: with --distance jaccard and nothing else set,
     * real50 clusters as the independent Python prototype of the occupied-bins mode worked out (radius 1/3,
     * 5 clusters, 101 noise flows among 3,174; the figures the README's evaluation table also holds).
     */
    @Test
    void occupiedBinsThroughTheTemplateClusterRealTrafficAsThePrototypeDid() throws Exception {
        Path real50 = SharedData.shared().resolve("bench").resolve("real50.pcap");

        Report report = engine("--distance", "jaccard", real50.toString());

        assertEquals(0, report.exitCode, report.text);
        JsonNode flows = JSON.readTree(Folders.files(output.resolve("flows")).get(0).toFile());
        JsonNode clusters = JSON.readTree(Folders.files(output.resolve("clusters")).get(0).toFile());
        assertEquals(3174, flows.size());
        long noise = 0;
        for (JsonNode flow : flows) {
            noise += flow.path("cluster").asInt() == -1 ? 1 : 0;
        }
        assertEquals(101, noise);
        long clustered = 0;
        for (JsonNode cluster : clusters) {
            assertEquals("1/3", cluster.path("epsilon_fraction").asText(), cluster.toString());
            clustered += cluster.path("cluster").asInt() >= 0 ? 1 : 0;
        }
        assertEquals(5, clustered);
    }

    /**
     * A capture cut halfway through a packet record, given with a whole one: the report names the cut one with the
     * reason ExtractFlowHistograms gives, and nothing else. Given again into the same output folder, whose notice
     * it then replaces, it is reported again.
     */
    @Test
    void aCaptureCutInsideARecordIsReportedAsReadInPart(@TempDir Path captures) throws Exception {
        CutCapture cut = CutCapture.ofMiddleRecord(SharedData.samples().resolve("http.pcap"),
                captures.resolve("http_cut.pcap"));
        Files.copy(SharedData.samples().resolve("dns.pcap"), captures.resolve("dns.pcap"));
        Path notice = output.resolve("notices").resolve("http_cut.pcap.notice.json");
        List<String> expected = List.of("read in part: http_cut.pcap: " + cut.reason() + "  (" + notice + ")");

        Report first = engine(captures.toString());
        Report again = engine(captures.toString());

        assertEquals(0, first.exitCode, first.text);
        assertEquals(expected, notices(first), first.text);
        assertEquals(List.of(notice), Folders.files(output.resolve("notices")));
        assertEquals(expected, notices(again), again.text);
    }

    /**
     * With Maximum Flows at 2, the report counts the packets of every flow after the first two, which the oracle
     * lists in the order they were first seen.
     */
    @Test
    void aCapturePastMaximumFlowsIsReported(@TempDir Path work) throws Exception {
        Path capture = SharedData.samples().resolve("http.pcap");
        long skipped = ReferenceOracle.flows(capture, 8.0, 5).stream().skip(2)
                .mapToLong(flow -> flow.path("packets").asLong()).sum();
        JsonNode definition = JSON.readTree(SharedData.templates().resolve("pcap-to-clusters.json").toFile());
        for (JsonNode processor : definition.path("flowContents").path("processors")) {
            if (processor.path("type").asText().endsWith(".ExtractFlowHistograms")) {
                ((ObjectNode) processor.path("properties")).put("Maximum Flows", "2");
            }
        }
        Path limited = work.resolve("limited.json");
        JSON.writeValue(limited.toFile(), definition);

        Report report = engine("-f", limited.toString(), capture.toString());

        assertEquals(0, report.exitCode, report.text);
        assertEquals(List.of("flow limit:   http.pcap: " + skipped + " packets of flows past Maximum Flows skipped  ("
                + output.resolve("notices").resolve("http.pcap.notice.json") + ")"), notices(report), report.text);
    }

    /**
     * Two captures of the same name from two folders: both are read, the second under a number (its flows carry that
     * name), and the report says which file the number stands for and which file holds the name it would have had.
     */
    @Test
    void capturesOfTheSameNameAreBothReadAndTheRenamedOneIsNamed(@TempDir Path captures) throws Exception {
        Path first = Files.createDirectories(captures.resolve("a")).resolve("dns.pcap");
        Path second = Files.createDirectories(captures.resolve("b")).resolve("dns.pcap");
        Files.copy(SharedData.samples().resolve("dns.pcap"), first);
        Files.copy(SharedData.samples().resolve("http.pcap"), second);
        Map<String, Integer> expected = Map.of(
                "dns.pcap", ReferenceOracle.flows(SharedData.samples().resolve("dns.pcap"), 8.0, 5).size(),
                "dns-2.pcap", ReferenceOracle.flows(SharedData.samples().resolve("http.pcap"), 8.0, 5).size());

        Report report = engine(first.getParent().toString(), second.getParent().toString());

        assertEquals(0, report.exitCode, report.text);
        Map<String, Integer> perCapture = new TreeMap<>();
        JsonNode flows = JSON.readTree(Folders.files(output.resolve("flows")).get(0).toFile());
        flows.forEach(f -> perCapture.merge(f.path("capture_file").asText(), 1, Integer::sum));
        assertEquals(expected, perCapture);
        assertEquals(List.of("renamed:  dns-2.pcap is " + second + " (dns.pcap is " + first + ")"),
                report.text.lines().filter(line -> line.startsWith("renamed:")).toList(), report.text);
    }

    /**
     * A capture given by name whose name starts with a dot, which ListFile's filter skips: it is read under its name
     * without the dot, all its flows in the batch, and the report says which file that name stands for.
     */
    @Test
    void aHiddenCaptureGivenByNameIsReadUnderItsNameWithoutTheDot(@TempDir Path captures) throws Exception {
        Path hidden = captures.resolve(".hidden.pcap");
        Files.copy(SharedData.samples().resolve("dns.pcap"), hidden);
        Map<String, Integer> expected = Map.of(
                "hidden.pcap", ReferenceOracle.flows(SharedData.samples().resolve("dns.pcap"), 8.0, 5).size());

        Report report = engine(hidden.toString());

        assertEquals(0, report.exitCode, report.text);
        Map<String, Integer> perCapture = new TreeMap<>();
        JsonNode flows = JSON.readTree(Folders.files(output.resolve("flows")).get(0).toFile());
        flows.forEach(f -> perCapture.merge(f.path("capture_file").asText(), 1, Integer::sum));
        assertEquals(expected, perCapture);
        assertEquals(List.of("renamed:  hidden.pcap is " + hidden + " (ListFile skips names that start with a dot)"),
                report.text.lines().filter(line -> line.startsWith("renamed:")).toList(), report.text);
    }

    /**
     * A capture without packets, alone: the run ends (an empty record set once held the merge until the heap ran
     * out), exits 1 and says why. Then the TCP-only http sample read for UDP beside dns.pcap, which has UDP flows:
     * the batch holds dns.pcap's flows and the notice counts every record of http.pcap, found from the pcap layout,
     * as of another transport.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void capturesWithoutFlowsAreNotedAndTheRunEnds(@TempDir Path captures) throws Exception {
        Path empty = captures.resolve("no_packets.pcap");
        CutCapture.headerOnly(SharedData.samples().resolve("http.pcap"), empty);
        Path http = Files.copy(SharedData.samples().resolve("http.pcap"), captures.resolve("http.pcap"));
        Path dns = Files.copy(SharedData.samples().resolve("dns.pcap"), captures.resolve("dns.pcap"));
        int httpPackets = CutCapture.recordOffsets(Files.readAllBytes(http)).size();

        Report alone = engine(empty.toString());
        Report mixed = engine("-t", "udp", http.toString(), dns.toString());

        assertEquals(1, alone.exitCode, alone.text);
        assertTrue(alone.text.contains("nothing clustered: no capture gave a flow"), alone.text);
        assertEquals(List.of(noticeLine("no flows:     no_packets.pcap: none of its 0 packets made a flow",
                "no_packets.pcap")), notices(alone), alone.text);

        assertEquals(0, mixed.exitCode, mixed.text);
        JsonNode flows = JSON.readTree(Folders.files(output.resolve("flows")).get(0).toFile());
        assertEquals(10, flows.size(), "samples/README.md: dns.pcap has 5 UDP exchanges, 10 flows");
        flows.forEach(flow -> assertEquals("dns.pcap", flow.path("capture_file").asText()));
        assertEquals(List.of(noticeLine("no flows:     http.pcap: none of its " + httpPackets
                + " packets made a flow (" + httpPackets + " of another transport)", "http.pcap")), notices(mixed),
                mixed.text);
    }

    /**
     * With at most 20 flows a batch, each sample (16 to 26 flows) makes a batch of its own, and batches come out
     * within the same millisecond: none may replace another, so every capture's flows are in one batch each, as the
     * oracle counts them.
     */
    @Test
    void batchesMadeTogetherKeepEveryCapture(@TempDir Path work) throws Exception {
        JsonNode definition = JSON.readTree(SharedData.templates().resolve("pcap-to-clusters.json").toFile());
        for (JsonNode context : definition.path("parameterContexts")) {
            for (JsonNode parameter : context.path("parameters")) {
                if (parameter.path("name").asText().equals("merge.maximum.flows")) {
                    ((ObjectNode) parameter).put("value", "20");
                }
            }
        }
        Path smallBatches = work.resolve("small-batches.json");
        JSON.writeValue(smallBatches.toFile(), definition);
        Map<String, Integer> expected = new TreeMap<>();
        List<String> samples = List.of("dns.pcap", "http.pcap", "ssh.pcap");
        for (String sample : samples) {
            expected.put(sample, ReferenceOracle.flows(SharedData.samples().resolve(sample), 8.0, 5).size());
        }

        Report report = engine("-f", smallBatches.toString(), SharedData.samples().resolve(samples.get(0)).toString(),
                SharedData.samples().resolve(samples.get(1)).toString(),
                SharedData.samples().resolve(samples.get(2)).toString());

        assertEquals(0, report.exitCode, report.text);
        Map<String, Integer> perCapture = new TreeMap<>();
        List<Path> batches = Folders.files(output.resolve("flows"));
        for (Path batch : batches) {
            JSON.readTree(batch.toFile()).forEach(f -> perCapture.merge(f.path("capture_file").asText(), 1,
                    Integer::sum));
        }
        assertEquals(expected, perCapture, report.text);
        assertEquals(samples.size(), batches.size(), report.text);
    }

    /** A file that is no capture, named as the reasons beside failures are: it is a failure, not a reason. */
    @Test
    void aNonCaptureNamedLikeAReasonIsAFailureWithItsOwnReason(@TempDir Path captures) throws Exception {
        Path lookalike = Files.writeString(captures.resolve("junk.reason.json"), "garbage\n");
        Path dns = Files.copy(SharedData.samples().resolve("dns.pcap"), captures.resolve("dns.pcap"));

        Report report = engine(lookalike.toString(), dns.toString());

        assertEquals(0, report.exitCode, report.text);
        List<String> failed = report.text.lines().filter(line -> line.startsWith("failed:")).toList();
        assertEquals(1, failed.size(), report.text);
        assertTrue(failed.get(0).startsWith("failed:   junk.reason.json: not a packet capture: "), report.text);
        assertTrue(failed.get(0).endsWith("(" + output.resolve("failures/junk.reason.json.reason.json") + ")"),
                report.text);
    }

    private String noticeLine(String text, String capture) {
        return text + "  (" + output.resolve("notices").resolve(capture + ".notice.json") + ")";
    }

    private static List<String> notices(Report report) {
        return report.text.lines().filter(line -> line.startsWith("read in part:") || line.startsWith("flow limit:")
                || line.startsWith("no flows:")).toList();
    }

    private Report engine(String... arguments) {
        String[] args = new String[arguments.length + 2];
        args[0] = "-o";
        args[1] = output.toString();
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = EngineCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Report(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    private record Report(int exitCode, String text) {
    }
}

package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's arguments, exit codes and messages, run in-process. */
class DistriboozeTest {

    private static final String SYNOPSIS = "Usage: distribooze [--distance jaccard|euclidean] [-e auto|EPS] [-m MIN]"
            + " [--min-packets N]\n                   [-t tcp|udp|both] [--json FILE] CAPTURE...";

    @TempDir
    Path temp;

    @Test
    void givenNoArguments_whenRun_thenTheUsageIsPrintedAndTheExitCodeIsTwo() {
        CliRun run = CliRun.of();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith(SYNOPSIS), run.err());
        assertTrue(run.err().contains("Exit codes:"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void givenHelp_whenRun_thenTheUsageGoesToStandardOutputAndTheExitCodeIsZero() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith(SYNOPSIS), run.out());
    }

    @Test
    void givenGarbageFile_whenRun_thenTheFileIsNamedAsNotACaptureAndTheExitCodeIsTwo() throws IOException {
        Path garbage = temp.resolve("notes.pcap");
        Files.writeString(garbage, "These are meeting notes, not packets.\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of(garbage.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: " + garbage + ": not a capture: "), run.err());
    }

    @Test
    void givenGarbageBeforeARealCapture_whenRun_thenTheRealOneIsStillReported() throws IOException {
        Path garbage = temp.resolve("empty.pcap");
        Files.write(garbage, new byte[] {0x00, 0x01, 0x02});
        Path capture = TestData.seed("ssh_27122.pcap");

        CliRun run = CliRun.of("--json", "-", garbage.toString(), capture.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(garbage.toString()), run.err());
        List<JsonNode> flows = run.jsonLines();
        // tshark's truth for this capture lists 28 TCP flows.
        assertEquals(28, flows.size());
        for (JsonNode flow : flows) {
            assertEquals(capture.toString(), flow.get("capture_file").asText());
        }
    }

    @Test
    void givenMissingFile_whenRun_thenItIsNamedAndTheExitCodeIsTwo() {
        Path missing = temp.resolve("gone.pcap");

        CliRun run = CliRun.of(missing.toString());

        assertEquals(2, run.exitCode());
        assertEquals("distribooze: " + missing + ": no such file", run.err().lines().findFirst().orElse(""));
    }

    @Test
    void givenZeroRadius_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("-e", "0", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: EPS must be a positive number"), run.err());
        assertTrue(run.err().contains(SYNOPSIS), run.err());
    }

    @Test
    void givenAutoRadiusWithEuclidean_whenRun_thenRejectedAsAUsageErrorSayingWhatToGive() {
        CliRun run = CliRun.of("--distance", "euclidean", "-e", "auto", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: -e auto does not suit --distance euclidean"), run.err());
        assertTrue(run.err().contains("8"), run.err());
    }

    @Test
    void givenJaccardRadiusAboveOne_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("-e", "8", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: -e 8 does not suit --distance jaccard"), run.err());
    }

    @Test
    void givenZeroMinimumPackets_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("--min-packets", "0", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: --min-packets must be at least 1"), run.err());
    }

    @Test
    void givenUnknownDistance_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("--distance", "hamming", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'hamming'"), run.err());
    }

    @Test
    void givenZeroMinimum_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("-m", "0", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: MIN must be at least 1"), run.err());
    }

    @Test
    void givenDefaults_whenRun_thenOccupiedBinsWithTheRadiusPrintedAndShortFlowsNotClustered() throws IOException {
        Path capture = TestData.seed("ssh_27122.pcap");

        CliRun report = CliRun.of(capture.toString());
        CliRun json = CliRun.of("--json", "-", capture.toString());

        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().lines().anyMatch(line -> line.matches(
                "clustered by jaccard, epsilon \\d+/\\d+ \\(auto\\), min points 10, min packets 4")), report.out());
        int shortFlows = 0;
        for (JsonNode flow : json.jsonLines()) {
            boolean isShort = flow.get("packets").asLong() < 4;
            shortFlows += isShort ? 1 : 0;
            assertEquals(isShort, flow.get("cluster").asInt() == -2, flow.toString());
        }
        assertTrue(shortFlows > 0, "the capture should have flows of fewer than 4 packets");
        assertTrue(report.out().contains("not clustered (fewer than 4 packets): " + shortFlows + " flows"),
                report.out());
    }

    @Test
    void givenOneFlowToCluster_whenRun_thenTheAutomaticRadiusIsZeroAndSaysWhy() throws IOException {
        // Two flows, one of them under 4 packets: a single set of bins is left, too few to measure a radius from.
        Path capture = TestData.shared().resolve("pcaps").resolve("cases").resolve("snaplen54.pcap");

        CliRun json = CliRun.of("--json", "-", capture.toString());
        CliRun report = CliRun.of(capture.toString());

        long clusterable = json.jsonLines().stream().filter(flow -> flow.get("packets").asLong() >= 4).count();
        assertEquals(1, clusterable, json.out());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("clustered by jaccard, epsilon 0 (auto: the flows clustered occupy fewer"
                + " than two different sets of bins), min points 10"), report.out());
    }

    @Test
    void givenEuclideanAlone_whenRun_thenTheOriginalSettings() {
        CliRun run = CliRun.of("--distance", "euclidean", TestData.seed("ssh_27122.pcap").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("clustered by euclidean, epsilon 8.0, min points 5, min packets 1"), run.out());
        assertTrue(!run.out().contains("not clustered"), run.out());
    }

    @Test
    void givenUnknownTransport_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("-t", "sctp", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'sctp'"), run.err());
    }

    @Test
    void givenJsonFile_whenRun_thenTheFileHasOneLinePerFlowAndTheReportIsStillPrinted() throws IOException {
        Path json = temp.resolve("flows.jsonl");
        Path capture = TestData.seed("ssh_27122.pcap");

        CliRun run = CliRun.of("--json=" + json, capture.toString());

        assertEquals(0, run.exitCode(), run.err());
        String lines = Files.readString(json, StandardCharsets.UTF_8);
        assertEquals(28, CliRun.parseJsonLines(lines).size());
        // JSON Lines: every line is one object, starting at its first character.
        assertTrue(lines.lines().allMatch(line -> line.startsWith("{") && line.endsWith("}")), lines);
        assertTrue(run.out().contains("28 flows: "), run.out());
    }

    @Test
    void givenUnwritableJsonTarget_whenRun_thenTheExitCodeIsOne() {
        Path json = temp.resolve("no-such-folder").resolve("flows.jsonl");

        CliRun run = CliRun.of("--json", json.toString(), TestData.seed("ssh_27122.pcap").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: cannot write JSON to " + json), run.err());
    }
}

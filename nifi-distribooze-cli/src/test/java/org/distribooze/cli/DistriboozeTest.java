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

    private static final String SYNOPSIS =
            "Usage: distribooze [-e EPS] [-m MIN] [-t tcp|udp|both] [--json FILE] CAPTURE...";

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
    void givenZeroMinimum_whenRun_thenRejectedAsAUsageError() {
        CliRun run = CliRun.of("-m", "0", "any.pcap");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("distribooze: MIN must be at least 1"), run.err());
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

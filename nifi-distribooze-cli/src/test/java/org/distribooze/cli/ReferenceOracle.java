package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs the independent Python oracle, ../shared/reference/reference.py, on one capture. */
final class ReferenceOracle {

    private static final String PYTHON = "/usr/bin/python3";

    private ReferenceOracle() {
    }

    /** The oracle's JSON lines: src, sport, dst, dport, packets, counts, cluster, distance per TCP flow. */
    static List<JsonNode> flows(Path capture) throws IOException, InterruptedException {
        Path script = TestData.shared().resolve("reference").resolve("reference.py");
        Process process = new ProcessBuilder(PYTHON, script.toString(), capture.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();

        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("reference.py took over two minutes on " + capture);
        }
        assertEquals(0, process.exitValue(), "reference.py failed on " + capture);
        return CliRun.parseJsonLines(out);
    }
}

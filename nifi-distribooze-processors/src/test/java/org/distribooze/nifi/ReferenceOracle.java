package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The team's independent Python oracle (../shared/reference/reference.py): TCP flows, bins and scikit-learn DBSCAN. */
final class ReferenceOracle {

    record Flow(String source, int sourcePort, String destination, int destinationPort, long packets, long[] counts,
                int cluster, double distance) {
    }

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceOracle() {
    }

    /** Fails the test, saying what to install, when python3 or its scikit-learn and numpy are missing. */
    static void requireIt() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            fail(PYTHON + " is missing: the reference oracle needs Python 3 with numpy and scikit-learn "
                    + "(Debian: apt-get install python3 python3-numpy python3-sklearn)");
        }
        Result check = run(List.of(PYTHON.toString(), "-c", "import numpy, sklearn"));
        if (check.exitCode() != 0) {
            fail("the reference oracle needs numpy and scikit-learn for " + PYTHON
                    + " (Debian: apt-get install python3-numpy python3-sklearn): " + check.errors());
        }
    }

    static List<Flow> flows(Path capture) throws Exception {
        Result result = run(List.of(PYTHON.toString(), SharedData.referenceScript().toString(), capture.toString()));
        assertEquals(0, result.exitCode(), "reference.py failed on " + capture + ": " + result.errors());

        List<Flow> flows = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (!line.isBlank()) {
                JsonNode flow = JSON.readTree(line);
                flows.add(new Flow(flow.get("src").asText(), flow.get("sport").asInt(), flow.get("dst").asText(),
                        flow.get("dport").asInt(), flow.get("packets").asLong(),
                        JsonServices.longs(flow.get("counts")), flow.get("cluster").asInt(),
                        flow.get("distance").asDouble()));
            }
        }
        return flows;
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("reference", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "reference.py did not finish: " + command);
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8),
                    Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}

package org.distribooze.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The project's independent Python oracle (../shared/reference/reference.py), one JSON object per TCP flow. */
final class ReferenceOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceOracle() {
    }

    static List<JsonNode> flows(Path capture, double epsilon, int minPoints) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3",
                SharedData.shared().resolve("reference/reference.py").toString(),
                "-e", String.valueOf(epsilon), "-m", String.valueOf(minPoints), capture.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("reference.py failed on " + capture);
        }
        List<JsonNode> flows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                flows.add(JSON.readTree(line));
            }
        }
        return flows;
    }
}

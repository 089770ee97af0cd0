package org.distribooze.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One in-process run of the command: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Distribooze.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output read as JSON lines, one object per line. */
    List<JsonNode> jsonLines() throws IOException {
        return parseJsonLines(out);
    }

    static List<JsonNode> parseJsonLines(String text) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                objects.add(JSON.readTree(line));
            }
        }
        return objects;
    }
}

package org.distribooze.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A program that reads a whole capture, timed from start to exit with its output sent to /dev/null:
 * {@code cat FILE > /dev/null} is what reading the file costs, ndpiReader what a C flow tool costs.
 */
enum ExternalReader {

    CAT("cat"),
    // -q: no per-flow or summary tables, only the reading and the flow analysis.
    NDPI_READER("ndpiReader", "-q", "-i");

    private final List<String> command;

    ExternalReader(String... command) {
        this.command = List.of(command);
    }

    String program() {
        return command.get(0);
    }

    /** The median wall time in seconds of {@code runs} runs over the file. */
    double medianSeconds(Path file, int runs) throws IOException, InterruptedException {
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            seconds[run] = secondsFor(file);
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private double secondsFor(Path file) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.add(file.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);

        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        long end = System.nanoTime();
        if (exit != 0) {
            throw new IOException(String.join(" ", line) + " exited with " + exit);
        }
        return (end - start) / 1e9;
    }
}

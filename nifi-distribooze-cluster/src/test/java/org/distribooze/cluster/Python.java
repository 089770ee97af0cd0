package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's Python 3 for the oracles (scikit-learn and the reference script). A missing Python or
 * missing module fails the test with what to install: skipping would hide that nothing was checked.
 */
final class Python {

    static final String INTERPRETER = "/usr/bin/python3";
    private static final String PACKAGES = "python3-sklearn python3-scapy python3-numpy";
    private static final long TIMEOUT_SECONDS = 300;

    private static volatile boolean sklearnFound;

    private Python() {
    }

    static void requireSklearn() {
        if (sklearnFound) {
            return;
        }
        if (!Files.isExecutable(Path.of(INTERPRETER))) {
            fail("install python3 and " + PACKAGES + " to run the oracle tests: " + INTERPRETER + " is missing");
        }
        Outcome outcome = execute(List.of(INTERPRETER, "-c", "import numpy, sklearn"), null);
        if (outcome.exitCode() != 0) {
            String[] lines = outcome.stderr().strip().split("\n");
            fail("install " + PACKAGES + " to run the oracle tests: " + INTERPRETER
                    + " cannot import numpy and sklearn (" + lines[lines.length - 1] + ")");
        }
        sklearnFound = true;
    }

    /** Runs python3 with the arguments, feeding it stdin, and returns its stdout; fails on a non-zero exit. */
    static String run(List<String> arguments, String stdin) {
        requireSklearn();
        List<String> command = new ArrayList<>();
        command.add(INTERPRETER);
        command.addAll(arguments);

        Outcome outcome = execute(command, stdin);

        if (outcome.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + outcome.exitCode() + ": " + outcome.stderr());
        }
        return outcome.stdout();
    }

    private static Outcome execute(List<String> command, String stdin) {
        try {
            Path stderr = Files.createTempFile("python-", ".stderr");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(stderr.toFile())
                        .start();
                writeStdin(process, stdin);
                String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                return new Outcome(process.exitValue(), stdout, Files.readString(stderr));
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static void writeStdin(Process process, String stdin) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private record Outcome(int exitCode, String stdout, String stderr) {
    }
}

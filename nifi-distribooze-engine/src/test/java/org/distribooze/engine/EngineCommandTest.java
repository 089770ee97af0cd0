package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arguments the engine would only refuse after seconds of starting are refused at once, with exit code 2. */
class EngineCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-e abc                        | -e takes auto, a number or a fraction",
        "-e auto                       | -e auto works out the radius for --distance jaccard only",
        "-e 0                          | outside the positive numbers",
        "--distance jaccard -e 2       | outside the Jaccard range",
        "--distance jaccard -e 1/0     | -e takes auto, a number or a fraction",
        "-m 0                          | -m takes a whole number of 1 or more, not 0",
        "--min-packets x               | --min-packets takes a whole number of 1 or more, not x",
        "--distance cosine             | distance is euclidean or jaccard, not cosine",
    })
    void givenABadValue_whenRun_thenRefusedBeforeTheEngineStarts(String options, String message) {
        String[] args = (options.trim() + " pom.xml").split(" +");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = EngineCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exitCode);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(message.trim()), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"no-such-capture.pcap"})
    void givenACaptureThatDoesNotExist_whenRun_thenRefusedWithExitCode2(String missing) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = EngineCommand.run(new String[] {missing}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exitCode);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such capture or folder: " + missing));
    }
}

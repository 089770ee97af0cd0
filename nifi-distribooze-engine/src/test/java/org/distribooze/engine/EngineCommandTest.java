package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        "-f no-such-flow.json          | -f no-such-flow.json: no such flow definition",
        "-f src                        | -f src is not a file",
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

    @Test
    void givenAnEmptyOutputName_whenRun_thenRefusedWithExitCode2() {
        Result result = run("-o", "", "pom.xml");

        assertEquals(2, result.exitCode, result.err);
        assertTrue(result.err.startsWith("-o needs a path, not an empty one"), result.err);
    }

    @Test
    void givenAnOutputFolderThatIsAFile_whenRun_thenRefusedWithOneLineAndExitCode2(@TempDir Path work)
            throws IOException {
        Path file = Files.createFile(work.resolve("out"));

        Result result = run("-o", file.toString(), "pom.xml");

        assertEquals(2, result.exitCode, result.err);
        assertEquals(List.of("distribooze-engine: cannot write the output under " + file + ": "
                + file.resolve("flows") + ": Not a directory"), result.err.lines().toList());
    }

    @Test
    void givenAFifoByName_whenRun_thenRefusedWithExitCode2(@TempDir Path work) throws Exception {
        Path fifo = work.resolve("live.pcap");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        Result result = run("-o", work.resolve("out").toString(), fifo.toString());

        assertEquals(2, result.exitCode, result.err);
        assertTrue(result.err.startsWith("not a capture or folder: " + fifo + " is a FIFO, device or socket"),
                result.err);
    }

    @ParameterizedTest
    @CsvSource({"-weird.pcap", "-o"})
    void givenDoubleDash_whenRun_thenWhatFollowsIsACaptureNotAnOption(String name) {
        Result result = run("--", name);

        assertEquals(2, result.exitCode, result.err);
        assertTrue(result.err.startsWith("no such capture or folder: " + name), result.err);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = EngineCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String err) {
    }
}

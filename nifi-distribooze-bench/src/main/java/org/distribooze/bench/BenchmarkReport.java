package org.distribooze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.distribooze.capture.NotACaptureException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The extraction benchmark: for each capture, {@code cat}, ndpiReader, the core on one thread and the processor,
 * timed in the same run on the same warm file, then the core's per-packet path alone, printed as MB/s,
 * packets/s, bytes allocated per packet and ratios.
 *
 * <p>Usage: {@code BenchmarkReport WORK_DIR NAME=CAPTURE...}, e.g. {@code real50=... real1g=...}; JMH's own log
 * goes to WORK_DIR/jmh.log, the core's median per capture and transport to WORK_DIR/core-medians.tsv (name,
 * transport, seconds).
 */
public final class BenchmarkReport {

    private static final int CAT_RUNS = 9;
    private static final int NDPI_RUNS = 3;
    private static final int JMH_ITERATIONS = 3;
    private static final int REPLAY_PASSES = 8;
    private static final String CORE_MEDIANS = "core-medians.tsv";
    // TCP is what the table shows; UDP alone is for the engine benchmark's comparison.
    private static final String[] TRANSPORTS = {"TCP", "UDP"};

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, NotACaptureException,
            RunnerException {
        Locale.setDefault(Locale.ROOT);
        Path work = Files.createDirectories(Path.of(args[0]));
        List<CaptureFacts> captures = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameAndPath = args[i].split("=", 2);
            captures.add(CaptureFacts.of(nameAndPath[0], Path.of(nameAndPath[1])));
        }
        String[] names = captures.stream().map(CaptureFacts::name).toArray(String[]::new);

        Report report = new Report(System.out);
        report.machine();
        List<double[]> external = new ArrayList<>();
        for (CaptureFacts capture : captures) {
            progress("timing cat and ndpiReader on " + capture.name());
            ExternalReader.CAT.medianSeconds(capture.file(), 1);
            external.add(new double[] {
                    ExternalReader.CAT.medianSeconds(capture.file(), CAT_RUNS),
                    ExternalReader.NDPI_READER.medianSeconds(capture.file(), NDPI_RUNS)});
        }

        JmhRuns jmh = new JmhRuns(work.resolve("jmh.log"), JMH_ITERATIONS)
                .jvmArg("-D" + BenchCaptures.PROPERTY_PREFIX + "work=" + work.toAbsolutePath());
        for (CaptureFacts capture : captures) {
            jmh.jvmArg(BenchCaptures.property(capture.name(), capture.file()));
        }
        progress("JMH, core extraction (log in " + work.resolve("jmh.log") + ")");
        jmh.run(CoreExtractionBenchmark.class, "1g", Map.of("capture", names, "transport", TRANSPORTS));
        progress("JMH, the per-packet path alone (" + HotPathBenchmark.CAPTURE + " played 1 and " + REPLAY_PASSES
                + " times)");
        jmh.run(HotPathBenchmark.class, "1g", Map.of("passes", new String[] {"1", String.valueOf(REPLAY_PASSES)}));
        progress("JMH, ExtractFlowHistograms reading the session's content stream");
        jmh.run(ProcessorBenchmark.class, "1g", Map.of("capture", names));

        StringBuilder coreMedians = new StringBuilder();
        for (int i = 0; i < captures.size(); i++) {
            CaptureFacts capture = captures.get(i);
            String name = capture.name();
            for (String transport : TRANSPORTS) {
                coreMedians.append(name).append('\t').append(transport).append('\t')
                        .append(jmh.measure(CoreExtractionBenchmark.class, "capture", name, "transport", transport)
                                .seconds())
                        .append('\n');
            }
            report.capture(capture, external.get(i)[0], external.get(i)[1],
                    jmh.measure(CoreExtractionBenchmark.class, "capture", name, "transport", "TCP"),
                    jmh.measure(ProcessorBenchmark.class, "capture", name, "writer", "discard"),
                    jmh.measure(ProcessorBenchmark.class, "capture", name, "writer", "json"));
        }
        // The engine benchmark, in its own JVM, sets its figures against these.
        Files.writeString(work.resolve(CORE_MEDIANS), coreMedians);

        CaptureFacts replayed = captures.stream().filter(c -> c.name().equals(HotPathBenchmark.CAPTURE))
                .findFirst().orElseThrow();
        report.hotPath(replayed.packets(), REPLAY_PASSES, jmh.measure(HotPathBenchmark.class, "passes", "1"),
                jmh.measure(HotPathBenchmark.class, "passes", String.valueOf(REPLAY_PASSES)));
    }

    private static void progress(String message) {
        System.out.println("... " + message);
    }
}

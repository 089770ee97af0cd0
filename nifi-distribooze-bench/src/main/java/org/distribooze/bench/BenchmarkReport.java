package org.distribooze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.distribooze.capture.NotACaptureException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The extraction benchmark: for each capture, {@code cat}, ndpiReader and the core on one thread, timed in the
 * same run on the same warm file, then the core's per-packet path alone, printed as MB/s, packets/s, bytes
 * allocated per packet and ratios.
 *
 * <p>Usage: {@code BenchmarkReport WORK_DIR NAME=CAPTURE...}, e.g. {@code real50=... real1g=...}; JMH's own log
 * goes to WORK_DIR/jmh.log.
 */
public final class BenchmarkReport {

    private static final int CAT_RUNS = 5;
    private static final int NDPI_RUNS = 3;
    private static final int JMH_ITERATIONS = 3;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, NotACaptureException,
            RunnerException {
        Locale.setDefault(Locale.ROOT);
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        List<CaptureFacts> captures = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] nameAndPath = args[i].split("=", 2);
            captures.add(CaptureFacts.of(nameAndPath[0], Path.of(nameAndPath[1])));
        }

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

        JmhRuns jmh = new JmhRuns(work.resolve("jmh.log"), JMH_ITERATIONS).jvmArg("-Xmx1g");
        String[] names = new String[captures.size()];
        for (int i = 0; i < captures.size(); i++) {
            names[i] = captures.get(i).name();
            jmh.jvmArg(BenchCaptures.property(names[i], captures.get(i).file()));
        }
        progress("JMH: core extraction on " + String.join(", ", names) + " (log in " + work.resolve("jmh.log") + ")");
        jmh.run(CoreExtractionBenchmark.class, "capture", names);
        progress("JMH: the per-packet path alone (" + HotPathBenchmark.CAPTURE + " played 1 and 8 times)");
        jmh.run(HotPathBenchmark.class, "passes", "1", "8");

        for (int i = 0; i < captures.size(); i++) {
            CaptureFacts capture = captures.get(i);
            report.capture(capture, external.get(i)[0], external.get(i)[1],
                    jmh.measure(CoreExtractionBenchmark.class, capture.name()));
        }
        CaptureFacts replayed = captures.stream().filter(c -> c.name().equals(HotPathBenchmark.CAPTURE))
                .findFirst().orElseThrow();
        report.hotPath(replayed.packets(), 8, jmh.measure(HotPathBenchmark.class, "1"),
                jmh.measure(HotPathBenchmark.class, "8"));
    }

    private static void progress(String message) {
        System.out.println("... " + message);
    }
}

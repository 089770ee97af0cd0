package org.distribooze.enginebench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Times ExtractFlowHistograms inside the Stateless engine ({@link EngineExtractionBenchmark}) on each capture and
 * prints the median against the core's median from the same benchmark run, read from the file that
 * nifi-distribooze-bench's report writes.
 *
 * <p>Usage: {@code EngineBenchmarkReport WORK_DIR CORE_MEDIANS NAME=CAPTURE...}; CORE_MEDIANS holds one line per
 * capture and transport: its name, the transport and the core's median in seconds, tab-separated. JMH's own logs
 * go to WORK_DIR/jmh-engine-NAME.log.
 */
public final class EngineBenchmarkReport {

    // Each trigger is one shot, so a small capture needs many before the JIT has compiled the record writing: the
    // warm-up puts about 2 GB through, and at least five triggers.
    private static final double WARMUP_BYTES = 2e9;
    private static final int MIN_WARMUP_TRIGGERS = 5;
    private static final int MAX_WARMUP_TRIGGERS = 40;
    private static final int MEASURED_TRIGGERS = 9;
    private static final double MB = 1e6;

    private EngineBenchmarkReport() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        Locale.setDefault(Locale.ROOT);
        Path work = Files.createDirectories(Path.of(args[0]));
        Map<String, Double> core = lastColumnByKey(Path.of(args[1]));
        Map<String, Path> captures = new LinkedHashMap<>();
        String nifiDir = System.getProperty(EngineExtractionBenchmark.NIFI_DIR_PROPERTY);
        if (nifiDir == null || !Files.isDirectory(Path.of(nifiDir, "nars"))) {
            throw new IllegalStateException("-D" + EngineExtractionBenchmark.NIFI_DIR_PROPERTY
                    + " must name nifi-distribooze-engine's target/nifi, with its NARs: run bin/benchmark-extraction");
        }
        Path recordCounts = work.resolve("engine-records.tsv");
        Files.deleteIfExists(recordCounts);
        List<String> forkArgs = new ArrayList<>(List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-D" + EngineExtractionBenchmark.NIFI_DIR_PROPERTY + "=" + nifiDir,
                "-D" + EngineExtractionBenchmark.RECORD_COUNTS_PROPERTY + "=" + recordCounts));
        // NiFi's standard NAR still reaches sun.misc.Unsafe; from Java 24 on that warns unless allowed.
        if (Runtime.version().feature() >= 24) {
            forkArgs.add("--sun-misc-unsafe-memory-access=allow");
        }
        for (int i = 2; i < args.length; i++) {
            String[] nameAndPath = args[i].split("=", 2);
            captures.put(nameAndPath[0], Path.of(nameAndPath[1]).toAbsolutePath());
            forkArgs.add("-D" + EngineExtractionBenchmark.CAPTURE_PROPERTY_PREFIX + nameAndPath[0] + "="
                    + captures.get(nameAndPath[0]));
        }

        System.out.println("... JMH, ExtractFlowHistograms in NiFi's Stateless engine (logs in "
                + work.resolve("jmh-engine-*.log") + ")");
        List<RunResult> results = new ArrayList<>();
        for (Map.Entry<String, Path> capture : captures.entrySet()) {
            results.addAll(run(capture.getKey(), Files.size(capture.getValue()), forkArgs, work));
        }

        print(results, captures, core, lastColumnByKey(recordCounts));
    }

    private static Collection<RunResult> run(String capture, long size, List<String> forkArgs, Path work)
            throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include(EngineExtractionBenchmark.class.getName())
                .param("capture", capture)
                .forks(1)
                .warmupIterations(warmupTriggers(size))
                .measurementIterations(MEASURED_TRIGGERS)
                .jvmArgsAppend(forkArgs.toArray(new String[0]))
                .output(work.resolve("jmh-engine-" + capture + ".log").toString())
                .build()).run();
    }

    private static void print(List<RunResult> results, Map<String, Path> captures, Map<String, Double> core,
                              Map<String, Double> records) throws IOException {
        System.out.println();
        System.out.println("ExtractFlowHistograms in NiFi's Stateless engine, NiFi's JSON writer (median of "
                + MEASURED_TRIGGERS + " triggers, each after the capture was enqueued):");
        System.out.printf("%-8s %-9s %8s %9s %18s %9s %9s %12s%n", "capture", "transport", "records", "engine",
                "p10-p90", "MB/s", "core", "engine/core");
        Map<String, double[]> extra = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getParam("capture");
            String key = name + "\t" + result.getParams().getParam("transport");
            Statistics times = result.getPrimaryResult().getStatistics();
            double seconds = times.getPercentile(50) / 1e3;
            Double coreSeconds = core.get(key);
            System.out.printf("%-8s %-9s %8.0f %8.3fs %8.3f-%.3f s %9.0f %9s %12s%n", name,
                    result.getParams().getParam("transport"), records.getOrDefault(key, Double.NaN), seconds,
                    times.getPercentile(10) / 1e3, times.getPercentile(90) / 1e3,
                    Files.size(captures.get(name)) / MB / seconds,
                    coreSeconds == null ? "-" : String.format("%.3fs", coreSeconds),
                    coreSeconds == null ? "-" : String.format("%.2fx", seconds / coreSeconds));
            if (coreSeconds != null && records.containsKey(key)) {
                extra.put(key, new double[] {seconds - coreSeconds, records.get(key)});
            }
        }
        printBreakdown(extra, captures.keySet(), core);
    }

    /**
     * TCP and UDP read and decode the same packets but write different numbers of records, so the engine's time
     * beyond the core's splits into a part that goes with the capture and a part per record (two equations, two
     * unknowns; as noisy as the medians they come from).
     */
    private static void printBreakdown(Map<String, double[]> extra, Iterable<String> captures,
                                       Map<String, Double> core) {
        for (String capture : captures) {
            double[] tcp = extra.get(capture + "\tTCP");
            double[] udp = extra.get(capture + "\tUDP");
            if (tcp == null || udp == null || tcp[1] == udp[1]) {
                continue;
            }
            double perRecord = (tcp[0] - udp[0]) / (tcp[1] - udp[1]);
            double perCapture = tcp[0] - perRecord * tcp[1];
            double coreTcp = core.get(capture + "\tTCP");
            System.out.printf("%s: beyond the core, the engine spends about %.3f s with the capture itself"
                    + " (%.2fx the core with it) and %.1f us per record%n", capture, perCapture,
                    (coreTcp + perCapture) / coreTcp, perRecord * 1e6);
        }
    }

    private static int warmupTriggers(long captureSize) {
        int triggers = (int) Math.ceil(WARMUP_BYTES / captureSize);
        return Math.max(MIN_WARMUP_TRIGGERS, Math.min(MAX_WARMUP_TRIGGERS, triggers));
    }

    /** A tab-separated file's last column by the columns before it (capture and transport). */
    private static Map<String, Double> lastColumnByKey(Path file) throws IOException {
        Map<String, Double> values = new HashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                int lastTab = line.lastIndexOf('\t');
                values.put(line.substring(0, lastTab), Double.parseDouble(line.substring(lastTab + 1)));
            }
        }
        return values;
    }
}

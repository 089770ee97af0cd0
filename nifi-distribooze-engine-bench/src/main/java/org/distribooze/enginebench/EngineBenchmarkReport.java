package org.distribooze.enginebench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * capture, its name and the core's median in seconds, tab-separated. JMH's own logs go to
 * WORK_DIR/jmh-engine-NAME.log.
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
        Map<String, Double> core = coreMedians(Path.of(args[1]));
        Map<String, Path> captures = new LinkedHashMap<>();
        List<String> forkArgs = new ArrayList<>(List.of("-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-D" + EngineExtractionBenchmark.NIFI_DIR_PROPERTY + "="
                        + System.getProperty(EngineExtractionBenchmark.NIFI_DIR_PROPERTY)));
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
            results.addAll(new Runner(new OptionsBuilder()
                    .include(EngineExtractionBenchmark.class.getName())
                    .param("capture", capture.getKey())
                    .forks(1)
                    .warmupIterations(warmupTriggers(Files.size(capture.getValue())))
                    .measurementIterations(MEASURED_TRIGGERS)
                    .jvmArgsAppend(forkArgs.toArray(new String[0]))
                    .output(work.resolve("jmh-engine-" + capture.getKey() + ".log").toString())
                    .build()).run());
        }

        System.out.println();
        System.out.println("ExtractFlowHistograms in NiFi's Stateless engine, NiFi's JSON writer (median of "
                + MEASURED_TRIGGERS + " triggers, each after the capture was enqueued):");
        System.out.printf("%-8s %10s %18s %9s %10s %12s%n", "capture", "engine", "p10-p90", "MB/s", "core",
                "engine/core");
        for (RunResult result : results) {
            String name = result.getParams().getParam("capture");
            Statistics times = result.getPrimaryResult().getStatistics();
            double seconds = times.getPercentile(50) / 1e3;
            long size = Files.size(captures.get(name));
            Double coreSeconds = core.get(name);
            System.out.printf("%-8s %9.3fs %8.3f-%.3f s %9.0f %9s %12s%n", name, seconds,
                    times.getPercentile(10) / 1e3, times.getPercentile(90) / 1e3, size / MB / seconds,
                    coreSeconds == null ? "-" : String.format("%.3fs", coreSeconds),
                    coreSeconds == null ? "-" : String.format("%.2fx", seconds / coreSeconds));
        }
    }

    private static int warmupTriggers(long captureSize) {
        int triggers = (int) Math.ceil(WARMUP_BYTES / captureSize);
        return Math.max(MIN_WARMUP_TRIGGERS, Math.min(MAX_WARMUP_TRIGGERS, triggers));
    }

    private static Map<String, Double> coreMedians(Path file) throws IOException {
        Map<String, Double> medians = new HashMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] nameAndSeconds = line.split("\t");
                medians.put(nameAndSeconds[0], Double.parseDouble(nameAndSeconds[1]));
            }
        }
        return medians;
    }
}

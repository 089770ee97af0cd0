package org.distribooze.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs benchmark classes with JMH's gc profiler and keeps, per class and parameter values, the median time per
 * operation (the benchmarks sample every operation's time, so a burst of other work on the machine moves the
 * median little) and the bytes allocated per operation (gc.alloc.rate.norm). One fork, a few iterations of two
 * seconds: enough for the JIT to settle on captures of tens of milliseconds to a second per operation.
 */
final class JmhRuns {

    /**
     * One benchmark's outcome: seconds per operation (median, 10th and 90th percentiles, over {@code operations}
     * timed) and bytes allocated per operation.
     */
    record Measure(double seconds, double p10, double p90, long operations, double bytesAllocated) {
    }

    private final Map<String, Measure> measures = new HashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Path log;
    private final int iterations;

    JmhRuns(Path log, int iterations) {
        this.log = log;
        this.iterations = iterations;
    }

    JmhRuns jvmArg(String argument) {
        jvmArgs.add(argument);
        return this;
    }

    /**
     * Runs every benchmark method of {@code benchmark} for each combination of the parameter values given
     * (by parameter name), in a JVM with {@code heap} as -Xmx.
     */
    void run(Class<?> benchmark, String heap, Map<String, String[]> params) throws RunnerException {
        List<String> forkArgs = new ArrayList<>(jvmArgs);
        forkArgs.add("-Xmx" + heap);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .addProfiler(GCProfiler.class)
                .forks(1)
                .warmupIterations(iterations)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations + 2)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend(forkArgs.toArray(new String[0]))
                .output(log.toString());
        params.forEach(options::param);
        Collection<RunResult> results = new Runner(options.build()).run();

        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            Statistics times = primary.getStatistics();
            Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            double unit = unitSeconds(primary.getScoreUnit());
            measures.put(key(benchmark, paramsOf(result.getParams())), new Measure(
                    times.getPercentile(50) * unit, times.getPercentile(10) * unit, times.getPercentile(90) * unit,
                    times.getN(), allocation == null ? Double.NaN : allocation.getScore()));
        }
    }

    /** The measure of one run, named by its parameter values (name, value, name, value, ...). */
    Measure measure(Class<?> benchmark, String... nameValues) {
        Map<String, String> params = new TreeMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        Measure measure = measures.get(key(benchmark, params));
        if (measure == null) {
            throw new IllegalStateException("no JMH result for " + benchmark.getSimpleName() + " " + params
                    + ": see " + log);
        }
        return measure;
    }

    private static Map<String, String> paramsOf(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String name : params.getParamsKeys()) {
            values.put(name, params.getParam(name));
        }
        return values;
    }

    private static String key(Class<?> benchmark, Map<String, String> params) {
        return benchmark.getName() + params;
    }

    private static double unitSeconds(String unit) {
        switch (unit) {
            case "s/op":
                return 1;
            case "ms/op":
                return 1e-3;
            case "us/op":
                return 1e-6;
            case "ns/op":
                return 1e-9;
            default:
                throw new IllegalStateException("unexpected JMH score unit " + unit);
        }
    }
}

package org.distribooze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.nifi.reporting.InitializationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ExtractFlowHistograms on one capture, reading it from its file through the session's content stream, its
 * records going to a file, as with NiFi's content repository ({@link StreamingSession}). Writer {@code json}:
 * NiFi's JSON record writer; {@code discard}: records are built and handed to a writer that drops them, which
 * leaves the processor's own cost.
 *
 * <p>nifi-mock's stock runner is not measured: it copies content into byte arrays on enqueue and keeps them
 * from one run to the next, so it measures the mock and runs out of heap on large captures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProcessorBenchmark {

    @Param({"real50", "real1g"})
    public String capture;

    @Param({"discard", "json"})
    public String writer;

    private Path file;
    private ProcessorPass pass;

    @Setup
    public void configure() throws IOException, InitializationException {
        file = BenchCaptures.path(capture);
        pass = new ProcessorPass(Files.createTempDirectory(BenchCaptures.workFolder(), "processor"), Map.of(),
                writer.equals("json"));
    }

    @TearDown
    public void removeOutputFolder() throws IOException {
        pass.close();
    }

    @Benchmark
    public Map<String, String> extract() throws IOException {
        return pass.extract(file);
    }
}

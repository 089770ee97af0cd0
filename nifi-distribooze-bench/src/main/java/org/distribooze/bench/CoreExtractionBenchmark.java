package org.distribooze.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;
import org.distribooze.flow.FlowSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole capture through the core on one thread, from an open file to every flow summary, as a caller that
 * owns the file would do it. The file is read through a plain FileInputStream from the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoreExtractionBenchmark {

    @Param({"real50", "real1g"})
    public String capture;

    private Path file;

    @Setup
    public void locate() {
        file = BenchCaptures.path(capture);
    }

    @Benchmark
    public long extract(Blackhole sink) throws IOException, NotACaptureException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            ExtractionResult result = new FlowExtractor(ExtractionOptions.DEFAULT).extract(in);
            for (FlowSummary flow : result.flows()) {
                sink.consume(flow);
            }
            return result.stats().packetsRead();
        }
    }
}

package org.distribooze.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;
import org.distribooze.flow.Binning;
import org.distribooze.flow.FlowSummary;
import org.distribooze.flow.Transport;
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
 * owns the file would do it. The file is read through a plain FileInputStream from the page cache. TCP is the
 * processor's default; UDP alone reads and decodes every packet too but makes few flows, which the engine benchmark
 * uses to tell the engine's reading apart from its records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoreExtractionBenchmark {

    @Param({"real50", "real1g"})
    public String capture;

    @Param({"TCP", "UDP"})
    public String transport;

    private Path file;
    private ExtractionOptions options;

    @Setup
    public void locate() {
        file = BenchCaptures.path(capture);
        options = new ExtractionOptions(Set.of(Transport.valueOf(transport)), Binning.DEFAULT);
    }

    @Benchmark
    public long extract(Blackhole sink) throws IOException, NotACaptureException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            ExtractionResult result = new FlowExtractor(options).extract(in);
            for (FlowSummary flow : result.flows()) {
                sink.consume(flow);
            }
            return result.stats().packetsRead();
        }
    }
}

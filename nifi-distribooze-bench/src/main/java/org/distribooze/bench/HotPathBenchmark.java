package org.distribooze.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.distribooze.capture.NotACaptureException;
import org.distribooze.decode.ExtractionOptions;
import org.distribooze.decode.ExtractionResult;
import org.distribooze.decode.FlowExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * real50's packets played once and then several times in one capture, from memory. With JMH's gc profiler the
 * bytes allocated per operation of the two differ only by what the per-packet path allocates, since the later
 * passes meet no new flow: (alloc(n passes) - alloc(1 pass)) / ((n - 1) x packets) is that path's bytes per
 * packet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HotPathBenchmark {

    public static final String CAPTURE = "real50";

    @Param({"1", "8"})
    public int passes;

    private byte[] capture;

    @Setup
    public void load() throws IOException {
        capture = ReplayedCapture.load(BenchCaptures.path(CAPTURE));
    }

    @Benchmark
    public ExtractionResult extract() throws IOException, NotACaptureException {
        return new FlowExtractor(ExtractionOptions.DEFAULT).extract(ReplayedCapture.of(capture, passes));
    }
}

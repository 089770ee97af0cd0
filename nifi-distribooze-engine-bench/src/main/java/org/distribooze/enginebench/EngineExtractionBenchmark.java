package org.distribooze.enginebench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.stateless.config.StatelessConfigurationException;
import org.apache.nifi.stateless.flow.TriggerResult;
import org.distribooze.engine.FlowRun;
import org.distribooze.engine.StatelessRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ExtractFlowHistograms inside NiFi's Stateless engine: the {@code extract-flows} flow definition (an input port,
 * the processor with NiFi's JSON record writer, an output port for the records and one for failures). Before each
 * timed trigger the capture is enqueued, which copies it into the engine's content repository, as a NiFi source
 * would have; the trigger then reads it back through the session's content stream and writes the records there.
 * Acknowledging the result, which deletes that content, follows each timed trigger untimed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineExtractionBenchmark {

    static final String CAPTURE_PROPERTY_PREFIX = "distribooze.bench.";
    static final String NIFI_DIR_PROPERTY = "distribooze.nifi.dir";
    static final String FLOW_DEFINITION = "extract-flows.json";
    /** Where each trial appends its capture, transport and records per trigger, for the report. */
    static final String RECORD_COUNTS_PROPERTY = "distribooze.bench.record.counts";

    @Param({"real50", "real1g"})
    public String capture;

    /**
     * The flow definition's transport parameter: TCP, its default, or UDP alone, which reads and decodes every
     * packet as well but makes fewer flows: the pair tells the engine's cost per byte from its cost per record.
     */
    @Param({"TCP", "UDP"})
    public String transport;

    private Path file;
    private Path definition;
    private FlowRun flow;
    private TriggerResult result;
    private long records;

    @Setup(Level.Trial)
    public void startEngine() throws IOException, StatelessConfigurationException {
        file = capturePath(capture);
        Path nifi = Path.of(required(NIFI_DIR_PROPERTY));
        definition = Files.createTempFile("extract-flows", ".json");
        try (InputStream in = EngineExtractionBenchmark.class.getResourceAsStream("/" + FLOW_DEFINITION)) {
            Files.copy(in, definition, StandardCopyOption.REPLACE_EXISTING);
        }

        StatelessRuntime runtime = StatelessRuntime.load(nifi.resolve("nars"), nifi.resolve("work"));
        flow = FlowRun.start(runtime, definition, Map.of("transport", transport));
    }

    @Setup(Level.Invocation)
    public void enqueueCapture() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            flow.enqueue(in, Map.of("filename", file.getFileName().toString()), "captures");
        }
    }

    @Benchmark
    public long extract() throws InterruptedException {
        result = flow.triggerUnacknowledged();
        List<FlowFile> flows = result.getOutputFlowFiles("flows");
        if (flows.size() != 1) {
            String outputs = result.getOutputFlowFiles().toString();
            // Aborted, not left pending: an unanswered result would hold the engine's trigger thread.
            result.abort(new IllegalStateException("no records"));
            result = null;
            throw new IllegalStateException(file + " did not leave by the flows port: " + outputs);
        }
        records = Long.parseLong(flows.get(0).getAttribute("record.count"));
        return records;
    }

    // Acknowledging deletes the content the trigger wrote (the capture's copy among it): engine housekeeping.
    @TearDown(Level.Invocation)
    public void acknowledge() {
        if (result != null) {
            result.acknowledge();
            result = null;
        }
    }

    @TearDown(Level.Trial)
    public void stopEngine() throws IOException {
        flow.close();
        Files.deleteIfExists(definition);

        String counts = System.getProperty(RECORD_COUNTS_PROPERTY);
        if (counts != null) {
            Files.writeString(Path.of(counts), capture + "\t" + transport + "\t" + records + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static Path capturePath(String name) {
        Path path = Path.of(required(CAPTURE_PROPERTY_PREFIX + name));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("capture " + name + " not found at " + path);
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run the benchmark through bin/benchmark-extraction");
        }
        return value;
    }
}

package org.distribooze.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.stateless.config.StatelessConfigurationException;
import org.apache.nifi.stateless.flow.StatelessDataflow;
import org.apache.nifi.stateless.flow.TriggerResult;

/**
 * One flow definition running in the engine: its controller services enabled, its processors validated, then
 * triggered. A template whose source lists a folder takes in everything there on its first trigger, and the
 * engine keeps that trigger going until every FlowFile has left the flow (a merge included).
 */
public final class FlowRun implements AutoCloseable {

    private final StatelessDataflow dataflow;

    private FlowRun(StatelessDataflow dataflow) {
        this.dataflow = dataflow;
    }

    public static FlowRun start(StatelessRuntime runtime, Path flowDefinition, Map<String, String> parameters)
            throws IOException, StatelessConfigurationException {
        StatelessDataflow dataflow = runtime.dataflow(flowDefinition, parameters);
        dataflow.initialize(() -> true);
        if (!dataflow.performValidation().isValid()) {
            dataflow.shutdown();
            throw new StatelessConfigurationException(flowDefinition.getFileName()
                    + " is not valid in this engine: see the log above for the components at fault");
        }
        return new FlowRun(dataflow);
    }

    /** Queues content at one of the flow's input ports for the next trigger; the engine copies it in at once. */
    public void enqueue(InputStream content, Map<String, String> attributes, String inputPort) {
        dataflow.enqueue(content, attributes, inputPort);
    }

    /**
     * Runs the flow once, to completion; a failure inside the flow (not a failure route) is thrown. Returns the
     * attributes of the FlowFiles that left by each output port (none for flows that write files themselves).
     */
    public Map<String, List<Map<String, String>>> trigger() throws InterruptedException {
        TriggerResult result = triggerUnacknowledged();
        Map<String, List<Map<String, String>>> outputs = new LinkedHashMap<>();
        try {
            result.getOutputFlowFiles().forEach((port, flowFiles) ->
                    outputs.put(port, flowFiles.stream().map(FlowFile::getAttributes).toList()));
        } catch (RuntimeException e) {
            // An unanswered result would hold the engine's trigger thread.
            result.abort(e);
            throw e;
        }
        result.acknowledge();
        return outputs;
    }

    /**
     * Runs the flow once, to completion, and leaves the result to the caller, whose acknowledging it completes the
     * trigger and purges its content: a benchmark times the run without the purge.
     */
    public TriggerResult triggerUnacknowledged() throws InterruptedException {
        TriggerResult result = dataflow.trigger().getResult();
        if (!result.isSuccessful()) {
            Throwable cause = result.getFailureCause().orElse(null);
            throw new IllegalStateException("the flow failed: " + (cause == null ? "canceled" : cause), cause);
        }
        return result;
    }

    @Override
    public void close() {
        dataflow.shutdown();
    }
}

package org.distribooze.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

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

    /** Runs the flow once, to completion; a failure inside the flow (not a failure route) is thrown. */
    public void trigger() throws InterruptedException {
        TriggerResult result = dataflow.trigger().getResult();
        if (!result.isSuccessful()) {
            Throwable cause = result.getFailureCause().orElse(null);
            throw new IllegalStateException("the flow failed: " + (cause == null ? "canceled" : cause), cause);
        }
        result.acknowledge();
    }

    @Override
    public void close() {
        dataflow.shutdown();
    }
}

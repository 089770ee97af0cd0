package org.distribooze.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.nifi.controller.ControllerService;
import org.apache.nifi.json.JsonRecordSetWriter;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.distribooze.nifi.ExtractFlowHistograms;

/**
 * ExtractFlowHistograms configured through NiFi's TestRunner (default properties, NiFi's JSON record writer or
 * one that discards records), triggered on a {@link StreamingSession} so the capture is read from its file as
 * a stream and the records are written to a file, as in NiFi.
 */
final class ProcessorPass {

    private final TestRunner runner;
    private final Path outputFolder;

    /** Records go through NiFi's JSON writer. */
    ProcessorPass(Path outputFolder, Map<String, String> properties) throws InitializationException, IOException {
        this(outputFolder, properties, true);
    }

    ProcessorPass(Path outputFolder, Map<String, String> properties, boolean json)
            throws InitializationException, IOException {
        this.runner = TestRunners.newTestRunner(ExtractFlowHistograms.class);
        ControllerService writer = json ? new JsonRecordSetWriter() : new DiscardingRecordWriter();
        runner.addControllerService("writer", writer);
        runner.enableControllerService(writer);
        runner.setProperty(ExtractFlowHistograms.RECORD_WRITER, "writer");
        properties.forEach(runner::setProperty);
        runner.assertValid();
        this.outputFolder = Files.createDirectories(outputFolder);
    }

    /** Extracts one capture; returns the attributes of the records FlowFile (success). */
    Map<String, String> extract(Path capture) throws IOException {
        StreamingSession session = StreamingSession.of(runner.getProcessor(), outputFolder);
        session.enqueue(capture);
        // AbstractProcessor takes the session from the factory, triggers and commits it, as NiFi would.
        runner.getProcessor().onTrigger(runner.getProcessContext(), () -> session);

        List<MockFlowFile> success = session.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS);
        if (success.size() != 1) {
            throw new IllegalStateException(capture + " did not reach success: "
                    + session.getFlowFilesForRelationship(ExtractFlowHistograms.REL_FAILURE));
        }
        MockFlowFile records = success.get(0);
        Files.deleteIfExists(session.contentOf(records));
        return records.getAttributes();
    }

    /** Removes the (by then empty) folder the records were written to. */
    void close() throws IOException {
        Files.deleteIfExists(outputFolder);
    }
}

package org.distribooze.nifi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.json.JsonRecordSetWriter;
import org.apache.nifi.json.JsonTreeReader;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;

/** Runners wired to NiFi's real JSON reader and writer, and a way to read what the writer wrote. */
final class JsonServices {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonServices() {
    }

    static TestRunner extractRunner() throws InitializationException {
        TestRunner runner = TestRunners.newTestRunner(ExtractFlowHistograms.class);
        addWriter(runner, ExtractFlowHistograms.RECORD_WRITER);
        return runner;
    }

    static TestRunner clusterRunner() throws InitializationException {
        TestRunner runner = TestRunners.newTestRunner(ClusterFlows.class);
        addReader(runner, ClusterFlows.RECORD_READER);
        addWriter(runner, ClusterFlows.RECORD_WRITER);
        return runner;
    }

    static void addWriter(TestRunner runner, PropertyDescriptor property) throws InitializationException {
        JsonRecordSetWriter writer = new JsonRecordSetWriter();
        runner.addControllerService("json-writer", writer);
        runner.enableControllerService(writer);
        runner.setProperty(property, "json-writer");
    }

    static void addReader(TestRunner runner, PropertyDescriptor property) throws InitializationException {
        JsonTreeReader reader = new JsonTreeReader();
        runner.addControllerService("json-reader", reader);
        runner.enableControllerService(reader);
        runner.setProperty(property, "json-reader");
    }

    /** The records of a FlowFile the JSON writer wrote as one array. */
    static List<JsonNode> records(MockFlowFile flowFile) {
        try {
            JsonNode array = JSON.readTree(flowFile.getContent());
            List<JsonNode> records = new ArrayList<>();
            array.forEach(records::add);
            return records;
        } catch (Exception e) {
            throw new AssertionError("the writer's output is not JSON: " + flowFile.getContent(), e);
        }
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}

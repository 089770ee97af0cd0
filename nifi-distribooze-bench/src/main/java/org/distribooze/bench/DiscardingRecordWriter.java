package org.distribooze.bench;

import java.io.OutputStream;
import java.util.Map;

import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.serialization.AbstractRecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

/**
 * A Record Writer that takes every record and writes nothing, so a benchmark sees the processor's own cost
 * (reading, extracting, building records) apart from the cost of a serialisation format.
 */
public class DiscardingRecordWriter extends AbstractControllerService implements RecordSetWriterFactory {

    @Override
    public RecordSchema getSchema(Map<String, String> variables, RecordSchema readSchema) {
        return readSchema;
    }

    @Override
    public RecordSetWriter createWriter(ComponentLog logger, RecordSchema schema, OutputStream out,
            Map<String, String> variables) {
        return new AbstractRecordSetWriter(out) {
            @Override
            protected Map<String, String> writeRecord(Record record) {
                return Map.of();
            }

            @Override
            public String getMimeType() {
                return "application/octet-stream";
            }
        };
    }

    @Override
    public RecordSetWriter createWriter(ComponentLog logger, RecordSchema schema, OutputStream out,
            FlowFile flowFile) {
        return createWriter(logger, schema, out, flowFile.getAttributes());
    }
}

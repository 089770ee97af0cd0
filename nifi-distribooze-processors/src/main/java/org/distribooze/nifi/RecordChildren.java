package org.distribooze.nifi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.WriteResult;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

/**
 * Writes records into a new child of a FlowFile through one RecordSetWriter and sets record.count, mime.type and
 * the writer's own attributes. A child whose writing fails is removed again before the exception leaves, so a
 * processor never leaves a half-written child in its session.
 * <p>
 * The session's own streams turn content repository failures into FlowFileAccessException, which is left to
 * bubble; an IOException that reaches this class therefore comes from the writer itself, e.g. a configured
 * schema the records do not fit, and is the caller's to route to failure.
 */
final class RecordChildren {

    static final String RECORD_COUNT = "record.count";

    private RecordChildren() {
    }

    static FlowFile write(ProcessSession session, FlowFile parent, RecordSetWriterFactory writerFactory,
                          RecordSchema schema, Iterable<Record> records, ComponentLog logger)
            throws SchemaNotFoundException, IOException {
        FlowFile child = session.create(parent);
        try {
            RecordSchema writeSchema = writerFactory.getSchema(parent.getAttributes(), schema);
            WriteResult result;
            String mimeType;
            try (OutputStream out = session.write(child);
                 RecordSetWriter writer = writerFactory.createWriter(logger, writeSchema, out, child)) {
                writer.beginRecordSet();
                for (Record record : records) {
                    writer.write(record);
                }
                result = writer.finishRecordSet();
                mimeType = writer.getMimeType();
            }

            Map<String, String> attributes = new HashMap<>(result.getAttributes());
            attributes.put(RECORD_COUNT, String.valueOf(result.getRecordCount()));
            attributes.put(CoreAttributes.MIME_TYPE.key(), mimeType);
            return session.putAllAttributes(child, attributes);
        } catch (SchemaNotFoundException | IOException | RuntimeException e) {
            session.remove(child);
            throw e;
        }
    }
}

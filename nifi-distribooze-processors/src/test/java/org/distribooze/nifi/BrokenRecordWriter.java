package org.distribooze.nifi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.serialization.AbstractRecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriter;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

/** A writer service whose first writers work and whose later ones fail when their record set is finished. */
final class BrokenRecordWriter extends AbstractControllerService implements RecordSetWriterFactory {

    static final String FAILURE = "the writer broke";

    private final int workingWriters;
    private final AtomicInteger created = new AtomicInteger();

    BrokenRecordWriter(int workingWriters) {
        this.workingWriters = workingWriters;
    }

    @Override
    public RecordSchema getSchema(Map<String, String> variables, RecordSchema readSchema) {
        return readSchema;
    }

    @Override
    public RecordSetWriter createWriter(ComponentLog logger, RecordSchema schema, OutputStream out,
                                        Map<String, String> variables) {
        boolean works = created.getAndIncrement() < workingWriters;
        return new AbstractRecordSetWriter(out) {
            @Override
            protected Map<String, String> writeRecord(Record record) throws IOException {
                out.write((record + "\n").getBytes(StandardCharsets.UTF_8));
                return Map.of();
            }

            @Override
            protected Map<String, String> onFinishRecordSet() throws IOException {
                if (!works) {
                    throw new IOException(FAILURE);
                }
                return Map.of();
            }

            @Override
            public String getMimeType() {
                return "text/plain";
            }
        };
    }
}

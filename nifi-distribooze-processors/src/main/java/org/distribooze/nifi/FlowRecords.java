package org.distribooze.nifi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.distribooze.flow.CaptureTimestamps;
import org.distribooze.flow.FlowSummary;

/** Turns the core's flow summaries into records of {@link FlowRecordSchema}. */
final class FlowRecords {

    private FlowRecords() {
    }

    static Record of(FlowSummary flow, String captureFile) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(FlowRecordSchema.CAPTURE_FILE, captureFile);
        values.put(FlowRecordSchema.SOURCE_ADDRESS, flow.sourceAddress());
        values.put(FlowRecordSchema.SOURCE_PORT, flow.sourcePort());
        values.put(FlowRecordSchema.DESTINATION_ADDRESS, flow.destinationAddress());
        values.put(FlowRecordSchema.DESTINATION_PORT, flow.destinationPort());
        values.put(FlowRecordSchema.TRANSPORT, flow.transport().name());
        values.put(FlowRecordSchema.IP_VERSION, flow.ipVersion());
        values.put(FlowRecordSchema.FIRST_SEEN, CaptureTimestamps.format(flow.firstSeenNanos(), flow.timestampDigits()));
        values.put(FlowRecordSchema.LAST_SEEN, CaptureTimestamps.format(flow.lastSeenNanos(), flow.timestampDigits()));
        values.put(FlowRecordSchema.PACKETS, flow.packets());
        values.put(FlowRecordSchema.BYTES, flow.bytes());
        values.put(FlowRecordSchema.HISTOGRAM, boxed(flow.counts()));
        return new MapRecord(FlowRecordSchema.SCHEMA, values);
    }

    // NiFi record arrays are Object[]; a long[] would not be recognised by the writers.
    private static Long[] boxed(long[] counts) {
        Long[] boxed = new Long[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            boxed[bin] = counts[bin];
        }
        return boxed;
    }
}

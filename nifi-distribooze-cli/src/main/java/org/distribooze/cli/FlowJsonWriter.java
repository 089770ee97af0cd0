package org.distribooze.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.distribooze.cluster.ClusteringResult;
import org.distribooze.flow.CaptureTimestamps;
import org.distribooze.flow.FlowSummary;

/** Writes one JSON object per line per flow, with the same fields as the NiFi processors' records. */
final class FlowJsonWriter {

    // Jackson separates root values with a space by default; JSON Lines wants each object to open its line.
    private final JsonFactory factory = new JsonFactory().setRootValueSeparator(null);

    void write(List<CaptureFlow> flows, ClusteringResult clustering, Writer target) throws IOException {
        JsonGenerator json = factory.createGenerator(target);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        for (int i = 0; i < flows.size(); i++) {
            writeFlow(json, flows.get(i), clustering, i);
            json.writeRaw('\n');
        }

        json.close();
        target.flush();
    }

    private static void writeFlow(JsonGenerator json, CaptureFlow captureFlow, ClusteringResult clustering, int index)
            throws IOException {
        FlowSummary flow = captureFlow.flow();
        json.writeStartObject();
        json.writeStringField("capture_file", captureFlow.capture());
        json.writeStringField("src_ip", flow.sourceAddress());
        json.writeNumberField("src_port", flow.sourcePort());
        json.writeStringField("dst_ip", flow.destinationAddress());
        json.writeNumberField("dst_port", flow.destinationPort());
        json.writeStringField("transport", flow.transport().name());
        json.writeNumberField("ip_version", flow.ipVersion());
        json.writeStringField("first_seen", CaptureTimestamps.format(flow.firstSeenNanos(), flow.timestampDigits()));
        json.writeStringField("last_seen", CaptureTimestamps.format(flow.lastSeenNanos(), flow.timestampDigits()));
        json.writeNumberField("packets", flow.packets());
        json.writeNumberField("bytes", flow.bytes());
        json.writeArrayFieldStart("histogram");
        for (long count : flow.counts()) {
            json.writeNumber(count);
        }
        json.writeEndArray();
        json.writeNumberField("cluster", clustering.labels()[index]);
        json.writeNumberField("distance", clustering.distances()[index]);
        json.writeNumberField("similarity", clustering.similarities()[index]);
        json.writeEndObject();
    }
}

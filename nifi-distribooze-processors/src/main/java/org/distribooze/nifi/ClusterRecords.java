package org.distribooze.nifi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.distribooze.cluster.ClusterSummary;
import org.distribooze.cluster.ClusteringResult;

/** Turns a clustering result into ClusterFlows' two record sets, flows with their labels and one per cluster. */
final class ClusterRecords {

    private ClusterRecords() {
    }

    /** The input records with their labels, built one by one as the writer asks, so they are not held twice. */
    static Iterable<Record> labelled(ClusterInput input, ClusteringResult result, RecordSchema schema) {
        return () -> IntStream.range(0, input.size())
                .mapToObj(flow -> labelled(input.records().get(flow), flow, result, schema))
                .iterator();
    }

    private static Record labelled(Record record, int flow, ClusteringResult result, RecordSchema schema) {
        Map<String, Object> values = new LinkedHashMap<>(record.toMap());
        values.put(ClusterRecordSchema.CLUSTER, result.labels()[flow]);
        values.put(ClusterRecordSchema.DISTANCE, result.distances()[flow]);
        values.put(ClusterRecordSchema.SIMILARITY, result.similarities()[flow]);
        return new MapRecord(schema, values);
    }

    static List<Record> summaries(ClusterInput input, ClusteringResult result, double epsilon, int minPoints) {
        Map<Integer, Long> packetsByCluster = new HashMap<>();
        for (int flow = 0; flow < input.size(); flow++) {
            packetsByCluster.merge(result.labels()[flow], input.packets(flow), Long::sum);
        }

        List<Record> summaries = new ArrayList<>(result.clusters().size());
        for (ClusterSummary cluster : result.clusters()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ClusterRecordSchema.CLUSTER, cluster.id());
            values.put(ClusterRecordSchema.FLOWS, cluster.flows());
            values.put(ClusterRecordSchema.PACKETS, packetsByCluster.getOrDefault(cluster.id(), 0L));
            values.put(ClusterRecordSchema.CENTROID, boxed(cluster.centroid()));
            values.put(ClusterRecordSchema.MEAN_DISTANCE, cluster.meanDistance());
            values.put(ClusterRecordSchema.MAX_DISTANCE, cluster.maxDistance());
            values.put(ClusterRecordSchema.EPSILON, epsilon);
            values.put(ClusterRecordSchema.MIN_POINTS, minPoints);
            summaries.add(new MapRecord(ClusterRecordSchema.CLUSTERS, values));
        }
        return summaries;
    }

    // NiFi record arrays are Object[].
    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}

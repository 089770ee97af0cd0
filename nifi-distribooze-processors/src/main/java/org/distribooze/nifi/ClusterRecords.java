package org.distribooze.nifi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;
import org.distribooze.cluster.ClusterSummary;
import org.distribooze.cluster.ClusteringResult;

/** Turns a clustering result into ClusterFlows' two record sets, flows with their labels and one per cluster. */
final class ClusterRecords {

    private ClusterRecords() {
    }

    static List<Record> labelled(ClusterInput input, ClusteringResult result, RecordSchema schema) {
        List<Record> labelled = new ArrayList<>(input.size());
        for (int flow = 0; flow < input.size(); flow++) {
            Map<String, Object> values = new LinkedHashMap<>(input.records().get(flow).toMap());
            values.put(ClusterRecordSchema.CLUSTER, result.labels()[flow]);
            values.put(ClusterRecordSchema.DISTANCE, result.distances()[flow]);
            values.put(ClusterRecordSchema.SIMILARITY, result.similarities()[flow]);
            labelled.add(new MapRecord(schema, values));
        }
        return labelled;
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

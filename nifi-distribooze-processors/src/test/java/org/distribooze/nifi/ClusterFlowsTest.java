package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterFlowsTest {

    private static final double TOLERANCE = 1e-12;

    // Percentages: (0, 100), (90, 10), (100, 0), (95, 5). The last three are within 15 of each other (the first
    // two 14.14 apart), the first is far from all. The third has no packets field; the fourth's packets field says
    // 21 where its histogram holds 20.
    private static final String FOUR_FLOWS = """
            [
              {"src_ip": "203.0.113.9", "src_port": 4444, "dst_ip": "198.51.100.7", "dst_port": 443,
               "packets": 4, "histogram": [0, 4]},
              {"src_ip": "192.0.2.1", "src_port": 50001, "dst_ip": "198.51.100.7", "dst_port": 443,
               "packets": 10, "histogram": [9, 1]},
              {"src_ip": "192.0.2.2", "src_port": 50002, "dst_ip": "198.51.100.7", "dst_port": 443,
               "histogram": [10, 0]},
              {"src_ip": "192.0.2.3", "src_port": 50003, "dst_ip": "198.51.100.7", "dst_port": 443,
               "packets": 21, "histogram": [19, 1]}
            ]
            """;

    private TestRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        runner = JsonServices.clusterRunner();
    }

    @Test
    void givenThreeCloseFlowsAndOneFarWhenClusteredThenOneClusterAndOneNoiseFlow() {
        runner.setProperty(ClusterFlows.EPSILON, "15");
        runner.setProperty(ClusterFlows.MIN_POINTS, "3");
        runner.enqueue(FOUR_FLOWS.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertClustered();
        MockFlowFile labelled = runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        List<JsonNode> flows = JsonServices.records(labelled);
        assertEquals(4, flows.size());
        assertEquals("203.0.113.9", flows.get(0).get("src_ip").asText());

        // Centroid of the cluster: (95, 5). Distances sqrt(5^2 + 5^2) = sqrt 50 for the first two members, 0 for
        // the third; the noise group is one flow, its own centroid. Similarity 1 - sqrt 50 / (100 sqrt 2) = 0.95.
        double root50 = Math.sqrt(50);
        int[] clusters = {-1, 0, 0, 0};
        double[] distances = {0, root50, root50, 0};
        double[] similarities = {1, 0.95, 0.95, 1};
        for (int i = 0; i < flows.size(); i++) {
            assertEquals(clusters[i], flows.get(i).get("cluster").asInt(), "cluster of flow " + i);
            assertEquals(distances[i], flows.get(i).get("distance").asDouble(), TOLERANCE, "distance of flow " + i);
            assertEquals(similarities[i], flows.get(i).get("similarity").asDouble(), TOLERANCE,
                    "similarity of flow " + i);
        }
        labelled.assertAttributeEquals(RecordChildren.RECORD_COUNT, "4");
        labelled.assertAttributeEquals("mime.type", "application/json");
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "1");
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, "1");
        labelled.assertAttributeEquals(ClusterFlows.EPSILON_ATTRIBUTE, "15.0");
        labelled.assertAttributeEquals(ClusterFlows.MIN_POINTS_ATTRIBUTE, "3");

        MockFlowFile summaries = runner.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0);
        summaries.assertAttributeEquals(RecordChildren.RECORD_COUNT, "2");
        summaries.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "1");
        List<JsonNode> groups = JsonServices.records(summaries);
        assertEquals(2, groups.size());
        assertCluster(groups.get(0), -1, 1, 4, new double[] {0, 100}, 0, 0);
        // packets: 10 from the field, 10 from the histogram (no field), 21 from the field.
        assertCluster(groups.get(1), 0, 3, 41, new double[] {95, 5}, 2 * root50 / 3, root50);
        for (JsonNode group : groups) {
            assertEquals(15.0, group.get("epsilon").asDouble());
            assertEquals(3, group.get("min_points").asInt());
        }
    }

    @Test
    void givenTwoEqualFlowsWhenMinimumPointsIsTwoThenTheyClusterBecauseEachCountsItself() {
        runner.setProperty(ClusterFlows.EPSILON, "1");
        runner.setProperty(ClusterFlows.MIN_POINTS, "2");
        runner.enqueue(twoEqualFlows());
        runner.run();

        assertClustered();
        MockFlowFile labelled = runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "1");
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, "0");
        for (JsonNode flow : JsonServices.records(labelled)) {
            assertEquals(0, flow.get("cluster").asInt());
        }
    }

    @Test
    void givenTwoEqualFlowsWhenMinimumPointsIsThreeThenBothAreNoise() {
        runner.setProperty(ClusterFlows.EPSILON, "1");
        runner.setProperty(ClusterFlows.MIN_POINTS, "3");
        runner.enqueue(twoEqualFlows());
        runner.run();

        assertClustered();
        MockFlowFile labelled = runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "0");
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, "2");
        List<JsonNode> groups = JsonServices.records(
                runner.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0));
        assertEquals(1, groups.size());
        assertCluster(groups.get(0), -1, 2, 12, new double[] {75, 25}, 0, 0);
    }

    @Test
    void givenNoRecordsWhenClusteredThenEmptyOutputsAndNoClusters() {
        runner.enqueue("[]".getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertClustered();
        MockFlowFile labelled = runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        labelled.assertAttributeEquals(RecordChildren.RECORD_COUNT, "0");
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "0");
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, "0");
        runner.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0)
                .assertAttributeEquals(RecordChildren.RECORD_COUNT, "0");
    }

    @Test
    void givenRecordWithoutHistogramWhenClusteredThenFailureNamesTheRecord() {
        runner.enqueue("""
                [{"src_ip": "192.0.2.1", "packets": 3, "histogram": [1, 2]},
                 {"src_ip": "192.0.2.2", "packets": 3}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("record 2 has no histogram");
    }

    @Test
    void givenHistogramsOfDifferentLengthsWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": [1, 2, 0]}, {"histogram": [1, 2]}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("record 2 has a histogram of 2 bins where record 1 has 3");
    }

    @Test
    void givenEmptyHistogramWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": []}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("record 1 has an empty histogram");
    }

    @Test
    void givenHistogramWithoutPacketsWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": [0, 0]}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("without a single packet");
    }

    @Test
    void givenNegativeCountWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": [3, -1]}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("bin 1 of the histogram of record 1 is negative");
    }

    @Test
    void givenHistogramOfTextWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": "3,1"}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("not an array");
    }

    @Test
    void givenContentThatIsNotJsonWhenClusteredThenFailure() {
        runner.enqueue("{ this is not json".getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("cannot be read");
    }

    @Test
    void givenClustersWriterThatFailsWhenClusteredThenInputToFailureAndNoChildLeft() throws Exception {
        TestRunner broken = TestRunners.newTestRunner(ClusterFlows.class);
        JsonServices.addReader(broken, ClusterFlows.RECORD_READER);
        // The labelled flows are written first and work; the cluster summaries fail.
        BrokenRecordWriter writer = new BrokenRecordWriter(1);
        broken.addControllerService("broken-writer", writer);
        broken.enableControllerService(writer);
        broken.setProperty(ClusterFlows.RECORD_WRITER, "broken-writer");
        runner = broken;

        runner.enqueue("[]".getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("the Record Writer failed: " + BrokenRecordWriter.FAILURE);
    }

    @Test
    void givenDefaultsThenValid() {
        runner.assertValid();
    }

    @Test
    void givenEpsilonZeroNegativeOrTextThenInvalid() {
        for (String epsilon : List.of("0", "-1", "0.0", "eight", "NaN", "Infinity")) {
            runner.setProperty(ClusterFlows.EPSILON, epsilon);
            runner.assertNotValid();
        }
        runner.setProperty(ClusterFlows.EPSILON, "0.5");
        runner.assertValid();
    }

    @Test
    void givenMinimumPointsZeroThenInvalid() {
        runner.setProperty(ClusterFlows.MIN_POINTS, "0");
        runner.assertNotValid();

        runner.setProperty(ClusterFlows.MIN_POINTS, "1");
        runner.assertValid();
    }

    @Test
    void givenNoReaderOrNoWriterThenInvalid() throws Exception {
        TestRunner withoutReader = TestRunners.newTestRunner(ClusterFlows.class);
        JsonServices.addWriter(withoutReader, ClusterFlows.RECORD_WRITER);
        withoutReader.assertNotValid();

        TestRunner withoutWriter = TestRunners.newTestRunner(ClusterFlows.class);
        JsonServices.addReader(withoutWriter, ClusterFlows.RECORD_READER);
        withoutWriter.assertNotValid();
    }

    private static byte[] twoEqualFlows() {
        // 75 % / 25 % each, from different packet counts.
        return """
                [{"src_ip": "192.0.2.1", "histogram": [3, 1]},
                 {"src_ip": "192.0.2.2", "histogram": [6, 2]}]
                """.getBytes(StandardCharsets.UTF_8);
    }

    private void assertClustered() {
        runner.assertTransferCount(ClusterFlows.REL_FAILURE, 0);
        runner.assertTransferCount(ClusterFlows.REL_SUCCESS, 1);
        runner.assertTransferCount(ClusterFlows.REL_CLUSTERS, 1);
        runner.assertTransferCount(ClusterFlows.REL_ORIGINAL, 1);
    }

    private void assertFailureSaying(String part) {
        runner.assertTransferCount(ClusterFlows.REL_SUCCESS, 0);
        runner.assertTransferCount(ClusterFlows.REL_CLUSTERS, 0);
        runner.assertTransferCount(ClusterFlows.REL_ORIGINAL, 0);
        runner.assertTransferCount(ClusterFlows.REL_FAILURE, 1);
        String reason = runner.getFlowFilesForRelationship(ClusterFlows.REL_FAILURE).get(0)
                .getAttribute(ClusterFlows.FAILURE_REASON);
        assertNotNull(reason, "no " + ClusterFlows.FAILURE_REASON);
        assertTrue(reason.contains(part), "expected '" + part + "' in: " + reason);
    }

    private static void assertCluster(JsonNode group, int id, int flows, long packets, double[] centroid,
                                      double meanDistance, double maxDistance) {
        assertEquals(id, group.get("cluster").asInt(), "cluster id");
        assertEquals(flows, group.get("flows").asInt(), "flows of cluster " + id);
        assertEquals(packets, group.get("packets").asLong(), "packets of cluster " + id);
        assertArrayEquals(centroid, JsonServices.doubles(group.get("centroid")), TOLERANCE, "centroid of " + id);
        assertEquals(meanDistance, group.get("mean_distance").asDouble(), TOLERANCE, "mean distance of " + id);
        assertEquals(maxDistance, group.get("max_distance").asDouble(), TOLERANCE, "max distance of " + id);
    }
}

package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
        original("15", "3");
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
        labelled.assertAttributeEquals(ClusterFlows.UNCLUSTERED_FLOWS, "0");
        labelled.assertAttributeEquals(ClusterFlows.DISTANCE_ATTRIBUTE, "EUCLIDEAN_PERCENTAGES");
        labelled.assertAttributeEquals(ClusterFlows.EPSILON_ATTRIBUTE, "15.0");
        labelled.assertAttributeNotExists(ClusterFlows.EPSILON_FRACTION_ATTRIBUTE);
        labelled.assertAttributeEquals(ClusterFlows.MIN_POINTS_ATTRIBUTE, "3");
        labelled.assertAttributeEquals(ClusterFlows.MIN_PACKETS_ATTRIBUTE, "1");

        MockFlowFile summaries = runner.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0);
        summaries.assertAttributeEquals(RecordChildren.RECORD_COUNT, "2");
        summaries.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "1");
        List<JsonNode> groups = JsonServices.records(summaries);
        assertEquals(2, groups.size());
        assertCluster(groups.get(0), -1, 1, 4, new double[] {0, 100}, 0, 0);
        // packets: 10 from the field, 10 from the histogram (no field), 21 from the field.
        assertCluster(groups.get(1), 0, 3, 41, new double[] {95, 5}, 2 * root50 / 3, root50);
        for (JsonNode group : groups) {
            assertEquals("EUCLIDEAN_PERCENTAGES", group.get("distance_used").asText());
            assertEquals(15.0, group.get("epsilon").asDouble());
            assertTrue(group.get("epsilon_fraction").isNull());
            assertEquals(3, group.get("min_points").asInt());
            assertEquals(1, group.get("min_packets").asInt());
        }
    }

    /*
     * Ten flows {0, 1} of 4 packets (50 %, 50 %, 0), one {0, 1, 2} of 4 packets (50 %, 25 %, 25 %), one of 3
     * packets. The two sets are 1/3 apart (one bin of three), each the other's nearest: auto gives 1/3. Each
     * clustered flow has all eleven within 1/3: one cluster. The 3-packet flow is not clustered.
     * Centroid: (50, 525/11, 25/11); the twins lie 25 sqrt 2 / 11 from it, the other 250 sqrt 2 / 11.
     */
    @Test
    void givenDefaultsWhenClusteredThenOccupiedBinsWithTheRadiusWorkedOutAndShortFlowsMarked() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            json.append("{\"src_port\": ").append(50000 + i).append(", \"histogram\": [2, 2, 0]},");
        }
        json.append("{\"src_port\": 50010, \"histogram\": [2, 1, 1]},");
        json.append("{\"src_port\": 50011, \"histogram\": [1, 2, 0]}]");
        runner.enqueue(json.toString().getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertClustered();
        MockFlowFile labelled = runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        List<JsonNode> flows = JsonServices.records(labelled);
        double twin = 25 * Math.sqrt(2) / 11;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, flows.get(i).get("cluster").asInt(), "cluster of flow " + i);
            assertEquals(twin, flows.get(i).get("distance").asDouble(), TOLERANCE, "distance of flow " + i);
        }
        assertEquals(0, flows.get(10).get("cluster").asInt());
        assertEquals(10 * twin, flows.get(10).get("distance").asDouble(), TOLERANCE);
        assertEquals(-2, flows.get(11).get("cluster").asInt());
        assertEquals(0, flows.get(11).get("distance").asDouble(), TOLERANCE);
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, "1");
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, "0");
        labelled.assertAttributeEquals(ClusterFlows.UNCLUSTERED_FLOWS, "1");
        labelled.assertAttributeEquals(ClusterFlows.DISTANCE_ATTRIBUTE, "JACCARD_OCCUPIED_BINS");
        labelled.assertAttributeEquals(ClusterFlows.EPSILON_ATTRIBUTE, String.valueOf(1.0 / 3));
        labelled.assertAttributeEquals(ClusterFlows.EPSILON_FRACTION_ATTRIBUTE, "1/3");
        labelled.assertAttributeEquals(ClusterFlows.MIN_POINTS_ATTRIBUTE, "10");
        labelled.assertAttributeEquals(ClusterFlows.MIN_PACKETS_ATTRIBUTE, "4");

        List<JsonNode> groups = JsonServices.records(
                runner.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0));
        assertEquals(2, groups.size());
        assertCluster(groups.get(0), -2, 1, 3, new double[] {100.0 / 3, 200.0 / 3, 0}, 0, 0);
        assertCluster(groups.get(1), 0, 11, 44, new double[] {50, 525.0 / 11, 25.0 / 11}, 20 * twin / 11,
                10 * twin);
        for (JsonNode group : groups) {
            assertEquals("JACCARD_OCCUPIED_BINS", group.get("distance_used").asText());
            assertEquals(1.0 / 3, group.get("epsilon").asDouble());
            assertEquals("1/3", group.get("epsilon_fraction").asText());
            assertEquals(10, group.get("min_points").asInt());
            assertEquals(4, group.get("min_packets").asInt());
        }
    }

    @Test
    void givenTwoEqualFlowsWhenMinimumPointsIsTwoThenTheyClusterBecauseEachCountsItself() {
        original("1", "2");
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
        original("1", "3");
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

        assertFailureSaying("bin 1 (counting from 0) of the histogram of record 1 is negative");
    }

    @Test
    void givenHistogramOfTextWhenClusteredThenFailure() {
        runner.enqueue("""
                [{"histogram": "3,1"}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("not an array of packet counts but the text \"3,1\"");
    }

    @Test
    void givenCountsWrittenAsTextWhenClusteredThenFailureQuotesTheText() {
        runner.enqueue("""
                [{"histogram": ["5", "1"]}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("bin 0 (counting from 0) of the histogram of record 1 is not a whole number of packets "
                + "but the text \"5\"");
    }

    /** One bin more than ExtractFlowHistograms makes at most (2,048) is refused before anything is clustered. */
    @Test
    void givenHistogramsLongerThanExtractionMakesWhenClusteredThenFailureWithTheContentIntact() throws Exception {
        original("8", "2");
        byte[] content = ("[" + histogramRecord(2049, Map.of(0, 3L)) + ", " + histogramRecord(2049, Map.of(0, 3L))
                + "]").getBytes(StandardCharsets.UTF_8);
        runner.enqueue(content);
        runner.run();

        assertFailureSaying("record 1 has a histogram of 2049 bins; at most 2048 are clustered");
        runner.getFlowFilesForRelationship(ClusterFlows.REL_FAILURE).get(0).assertContentEquals(content);
    }

    /*
     * 2,048 bins, the most ExtractFlowHistograms makes: three flows wholly in the last bin, two split half and half
     * between bins 0 and 1024, one wholly in bin 5. Within each group the distributions are equal (distance 0);
     * between groups they are at least sqrt(50^2 + 50^2 + 100^2) = 122 apart, far beyond Epsilon 8.
     */
    @Test
    void givenHistogramsOfTheLongestBinningWhenClusteredOnPercentagesThenEqualDistributionsShareACluster()
            throws Exception {
        original("8", "2");
        String flows = String.join(", ",
                histogramRecord(2048, Map.of(2047, 4L)), histogramRecord(2048, Map.of(2047, 9L)),
                histogramRecord(2048, Map.of(2047, 1L)), histogramRecord(2048, Map.of(0, 2L, 1024, 2L)),
                histogramRecord(2048, Map.of(0, 7L, 1024, 7L)), histogramRecord(2048, Map.of(5, 3L)));
        runner.enqueue(("[" + flows + "]").getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertClustered();
        List<JsonNode> labelled = JsonServices.records(
                runner.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0));
        int last = labelled.get(0).get("cluster").asInt();
        int split = labelled.get(3).get("cluster").asInt();
        assertTrue(last >= 0 && split >= 0 && last != split, "clusters " + last + " and " + split);
        int[] expected = {last, last, last, split, split, -1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], labelled.get(i).get("cluster").asInt(), "cluster of flow " + i);
            assertEquals(0.0, labelled.get(i).get("distance").asDouble(), TOLERANCE, "distance of flow " + i);
        }
    }

    /** Two records of 2^62 packets each add up past the largest long, 2^63 - 1: no sum may wrap negative. */
    @Test
    void givenPacketsAddingUpPastALongWhenClusteredThenFailureInsteadOfANegativeSum() {
        runner.enqueue("""
                [{"histogram": [4611686018427387904, 0]}, {"histogram": [4611686018427387904, 0]}]
                """.getBytes(StandardCharsets.UTF_8));
        runner.run();

        assertFailureSaying("record 2 brings the packets of all records past 9223372036854775807");
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
    void givenDefaultsThenOccupiedBinsAutoTenAndFour() {
        ClusterFlows processor = (ClusterFlows) runner.getProcessor();

        assertEquals(ClusteringDistance.JACCARD_OCCUPIED_BINS.getValue(), ClusterFlows.DISTANCE.getDefaultValue());
        assertEquals("auto", ClusterFlows.EPSILON.getDefaultValue());
        assertEquals("10", ClusterFlows.MIN_POINTS.getDefaultValue());
        assertEquals("4", ClusterFlows.MIN_PACKETS.getDefaultValue());
        assertTrue(processor.getPropertyDescriptors().contains(ClusterFlows.MIN_PACKETS));
    }

    @Test
    void givenEpsilonZeroNegativeOrTextThenInvalid() {
        for (ClusteringDistance distance : ClusteringDistance.values()) {
            runner.setProperty(ClusterFlows.DISTANCE, distance.getValue());
            for (String epsilon : List.of("0", "-1", "0.0", "0/3", "eight", "NaN", "Infinity", "1/0")) {
                runner.setProperty(ClusterFlows.EPSILON, epsilon);
                runner.assertNotValid();
            }
            runner.setProperty(ClusterFlows.EPSILON, "0.5");
            runner.assertValid();
            runner.setProperty(ClusterFlows.EPSILON, "1/3");
            runner.assertValid();
        }
    }

    @Test
    void givenEuclideanWithAutoEpsilonThenInvalidSayingWhatToSet() {
        runner.setProperty(ClusterFlows.DISTANCE, ClusteringDistance.EUCLIDEAN_PERCENTAGES.getValue());

        runner.assertNotValid();
        runner.setProperty(ClusterFlows.EPSILON, "8");
        runner.assertValid();
    }

    @Test
    void givenOccupiedBinsWithEpsilonAboveOneThenInvalid() {
        runner.setProperty(ClusterFlows.EPSILON, "8");

        runner.assertNotValid();
        runner.setProperty(ClusterFlows.EPSILON, "1");
        runner.assertValid();
    }

    @Test
    void givenMinimumPacketsZeroThenInvalid() {
        runner.setProperty(ClusterFlows.MIN_PACKETS, "0");
        runner.assertNotValid();

        runner.setProperty(ClusterFlows.MIN_PACKETS, "1");
        runner.assertValid();
    }

    @Test
    void givenAFlowSavedBeforeDistanceExistedWhenMigratedThenItKeepsTheOriginalMode() {
        // Saved by the version with two clustering properties: Epsilon left out (it had a default), Minimum Points 3.
        SavedProperties saved = new SavedProperties(Map.of("Record Reader", "json-reader",
                "Record Writer", "json-writer", "Minimum Points", "3"));

        new ClusterFlows().migrateProperties(saved);

        assertEquals(Map.of("Record Reader", "json-reader", "Record Writer", "json-writer",
                "Distance", "EUCLIDEAN_PERCENTAGES", "Epsilon", "8.0", "Minimum Points", "3",
                "Minimum Packets", "1"), saved.asMap());
    }

    @Test
    void givenAFlowSavedWithEpsilonWhenMigratedThenItsEpsilonStays() {
        SavedProperties saved = new SavedProperties(Map.of("Epsilon", "#{epsilon}", "Minimum Points", "#{min.points}"));

        new ClusterFlows().migrateProperties(saved);

        assertEquals(Map.of("Distance", "EUCLIDEAN_PERCENTAGES", "Epsilon", "#{epsilon}",
                "Minimum Points", "#{min.points}", "Minimum Packets", "1"), saved.asMap());
    }

    @Test
    void givenAFlowSavedWithDistanceWhenMigratedThenUnchanged() {
        Map<String, String> current = Map.of("Distance", "JACCARD_OCCUPIED_BINS", "Epsilon", "auto",
                "Minimum Points", "10", "Minimum Packets", "4");
        SavedProperties saved = new SavedProperties(current);

        new ClusterFlows().migrateProperties(saved);

        assertEquals(current, saved.asMap());
    }

    /** The original tool's mode with the radius and minimum given, every flow clustered. */
    private void original(String epsilon, String minPoints) {
        runner.setProperty(ClusterFlows.DISTANCE, ClusteringDistance.EUCLIDEAN_PERCENTAGES.getValue());
        runner.setProperty(ClusterFlows.EPSILON, epsilon);
        runner.setProperty(ClusterFlows.MIN_POINTS, minPoints);
        runner.setProperty(ClusterFlows.MIN_PACKETS, "1");
    }

    /** A flow record of {@code bins} bins, zero but for the counts given by bin. */
    private static String histogramRecord(int bins, Map<Integer, Long> counts) {
        StringBuilder histogram = new StringBuilder();
        for (int bin = 0; bin < bins; bin++) {
            histogram.append(bin == 0 ? "" : ",").append(counts.getOrDefault(bin, 0L));
        }
        return "{\"histogram\": [" + histogram + "]}";
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

package org.distribooze.nifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ExtractFlowHistograms then ClusterFlows, both with their defaults, on the seed captures, against the Python
 * reference with scikit-learn's DBSCAN: the same flows and counts, the same partition up to the clusters' names,
 * noise where it has noise, and the same distances.
 */
class ClusterFlowsReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @BeforeAll
    static void requireTheOracle() throws Exception {
        ReferenceOracle.requireIt();
    }

    static List<Path> seedCaptures() throws IOException {
        return SharedData.captures("seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedCaptures")
    void givenSeedCaptureWhenExtractedAndClusteredThenTheReferenceAgrees(Path capture) throws Exception {
        List<ReferenceOracle.Flow> reference = ReferenceOracle.flows(capture);

        MockFlowFile flows = extract(capture);
        TestRunner cluster = JsonServices.clusterRunner();
        cluster.enqueue(flows.getContentStream().readAllBytes());
        cluster.run();

        cluster.assertTransferCount(ClusterFlows.REL_FAILURE, 0);
        cluster.assertTransferCount(ClusterFlows.REL_SUCCESS, 1);
        cluster.assertTransferCount(ClusterFlows.REL_CLUSTERS, 1);
        cluster.assertTransferCount(ClusterFlows.REL_ORIGINAL, 1);
        MockFlowFile labelled = cluster.getFlowFilesForRelationship(ClusterFlows.REL_SUCCESS).get(0);
        List<JsonNode> ours = JsonServices.records(labelled);
        assertEquals(reference.size(), ours.size(), "flows");

        Map<Integer, Integer> ourNameOf = assertSamePartition(reference, byFourTuple(ours));
        Set<Integer> referenceClusters = new TreeSet<>();
        long noise = 0;
        for (ReferenceOracle.Flow flow : reference) {
            if (flow.cluster() == -1) {
                noise++;
            } else {
                referenceClusters.add(flow.cluster());
            }
        }
        labelled.assertAttributeEquals(ClusterFlows.CLUSTER_COUNT, String.valueOf(referenceClusters.size()));
        labelled.assertAttributeEquals(ClusterFlows.NOISE_FLOWS, String.valueOf(noise));

        MockFlowFile summaries = cluster.getFlowFilesForRelationship(ClusterFlows.REL_CLUSTERS).get(0);
        List<JsonNode> groups = JsonServices.records(summaries);
        assertEquals(referenceClusters.size() + (noise > 0 ? 1 : 0), groups.size(), "cluster records");
        Map<Integer, Integer> referenceNameOf = new HashMap<>();
        ourNameOf.forEach((referenceName, ourName) -> referenceNameOf.put(ourName, referenceName));
        for (JsonNode group : groups) {
            int ourName = group.get("cluster").asInt();
            Integer referenceName = referenceNameOf.get(ourName);
            assertNotNull(referenceName, "cluster " + ourName + " has no flows");
            assertSummary(group, members(reference, referenceName));
        }
    }

    private static MockFlowFile extract(Path capture) throws Exception {
        TestRunner extract = JsonServices.extractRunner();
        extract.enqueue(capture);
        extract.run();
        extract.assertTransferCount(ExtractFlowHistograms.REL_SUCCESS, 1);
        return extract.getFlowFilesForRelationship(ExtractFlowHistograms.REL_SUCCESS).get(0);
    }

    /** Checks flow by flow and returns the reference's cluster names mapped to ours. */
    private static Map<Integer, Integer> assertSamePartition(List<ReferenceOracle.Flow> reference,
                                                             Map<String, JsonNode> ours) {
        Map<Integer, Integer> ourNameOf = new HashMap<>();
        Map<Integer, Integer> referenceNameOf = new HashMap<>();
        for (ReferenceOracle.Flow flow : reference) {
            String key = flow.source() + " " + flow.sourcePort() + " > " + flow.destination() + " "
                    + flow.destinationPort();
            JsonNode our = ours.get(key);
            assertNotNull(our, "flow " + key + " of the reference is missing");
            assertEquals(flow.packets(), our.get("packets").asLong(), "packets of " + key);
            assertArrayEquals(flow.counts(), JsonServices.longs(our.get("histogram")), "histogram of " + key);

            int ourCluster = our.get("cluster").asInt();
            if (flow.cluster() == -1) {
                assertEquals(-1, ourCluster, key + " is noise for the reference");
            } else {
                assertNotEquals(-1, ourCluster, key + " is in cluster " + flow.cluster() + " for the reference");
                ourNameOf.putIfAbsent(flow.cluster(), ourCluster);
                referenceNameOf.putIfAbsent(ourCluster, flow.cluster());
                assertEquals(ourNameOf.get(flow.cluster()), ourCluster, key + ": reference cluster "
                        + flow.cluster() + " is split");
                assertEquals(referenceNameOf.get(ourCluster), flow.cluster(), key + ": our cluster " + ourCluster
                        + " merges reference clusters");
            }
            assertEquals(flow.distance(), our.get("distance").asDouble(), TOLERANCE, "distance of " + key);
        }
        ourNameOf.put(-1, -1);
        return ourNameOf;
    }

    private static void assertSummary(JsonNode group, List<ReferenceOracle.Flow> members) {
        int bins = members.get(0).counts().length;
        double[] centroid = new double[bins];
        long packets = 0;
        double distanceSum = 0;
        double maxDistance = 0;
        for (ReferenceOracle.Flow flow : members) {
            for (int bin = 0; bin < bins; bin++) {
                centroid[bin] += flow.counts()[bin] * 100.0 / flow.packets() / members.size();
            }
            packets += flow.packets();
            distanceSum += flow.distance();
            maxDistance = Math.max(maxDistance, flow.distance());
        }

        String name = "cluster " + group.get("cluster").asInt();
        assertEquals(members.size(), group.get("flows").asInt(), "flows of " + name);
        assertEquals(packets, group.get("packets").asLong(), "packets of " + name);
        assertArrayEquals(centroid, JsonServices.doubles(group.get("centroid")), TOLERANCE, "centroid of " + name);
        assertEquals(distanceSum / members.size(), group.get("mean_distance").asDouble(), TOLERANCE,
                "mean distance of " + name);
        assertEquals(maxDistance, group.get("max_distance").asDouble(), TOLERANCE, "max distance of " + name);
        assertEquals(8.0, group.get("epsilon").asDouble());
        assertEquals(5, group.get("min_points").asInt());
    }

    private static List<ReferenceOracle.Flow> members(List<ReferenceOracle.Flow> reference, int cluster) {
        List<ReferenceOracle.Flow> members = new ArrayList<>();
        for (ReferenceOracle.Flow flow : reference) {
            if (flow.cluster() == cluster) {
                members.add(flow);
            }
        }
        return members;
    }

    private static Map<String, JsonNode> byFourTuple(List<JsonNode> flows) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode flow : flows) {
            byKey.put(flow.get("src_ip").asText() + " " + flow.get("src_port").asInt() + " > "
                    + flow.get("dst_ip").asText() + " " + flow.get("dst_port").asInt(), flow);
        }
        return byKey;
    }
}

package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clusters the histograms the reference script reads from real captures and compares everything with what
 * the reference's scikit-learn run says: the partition, each distance, and the summaries built from them.
 */
class FlowClustererOracleTest {

    private static final double DISTANCE_TOLERANCE = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String seed : List.of("bittorrent", "doh_luca", "ssh_27122")) {
            String capture = "pcaps/seed/" + seed + ".pcap";
            cases.add(Arguments.of(capture, 8.0, 5, "the defaults"));
            cases.add(Arguments.of(capture, 5.0, 3, "another radius and minimum"));
            cases.add(Arguments.of(capture, 3.0, 1, "minPoints 1: every flow is core, lone flows are clusters"));
        }
        // The doh capture has 28 pairs of 10-packet flows exactly 20 apart (percentages in steps of 10, so
        // the distance is exact in binary): an exclusive radius would split its biggest cluster in two.
        cases.add(Arguments.of("pcaps/seed/doh_luca.pcap", 20.0, 5, "flows exactly epsilon apart"));
        cases.add(Arguments.of("pcaps/seed/doh_luca.pcap", 20.0, 3, "flows exactly epsilon apart"));
        // Counted with scikit-learn when this test was written: 2 flows at (2, 10) and 3 at (12, 20) are
        // border flows within reach of core flows of two clusters, so these decide the border rule.
        cases.add(Arguments.of("bench/real50.pcap", 8.0, 5, "3,174 flows, the defaults"));
        cases.add(Arguments.of("bench/real50.pcap", 2.0, 10, "border flows between two clusters"));
        cases.add(Arguments.of("bench/real50.pcap", 12.0, 20, "border flows between two clusters"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} eps {1} minPoints {2}: {3}")
    @MethodSource("cases")
    void givenCapture_whenClustered_thenMatchesReference(String capture, double epsilon, int minPoints,
                                                         String why) {
        List<ReferenceOracle.Flow> oracle = ReferenceOracle.run(SharedData.file(capture), epsilon, minPoints);
        assertFalse(oracle.isEmpty(), "the reference found no flows in " + capture);
        int[] expectedLabels = oracle.stream().mapToInt(ReferenceOracle.Flow::cluster).toArray();
        assertTrue(Arrays.stream(expectedLabels).anyMatch(label -> label != ClusteringResult.NOISE),
                "a case without any cluster would check little");

        ClusteringResult result = new FlowClusterer(epsilon, minPoints)
                .cluster(oracle.stream().map(ReferenceOracle.Flow::counts).toList());

        Partitions.assertSamePartition(expectedLabels, result.labels(), capture);
        assertNumberedByFirstAppearance(result.labels());
        for (int i = 0; i < oracle.size(); i++) {
            double expected = oracle.get(i).distance();
            assertEquals(expected, result.distances()[i], DISTANCE_TOLERANCE, "distance of flow " + i);
            assertEquals(1 - expected / (100 * Math.sqrt(2)), result.similarities()[i], 1e-12,
                    "similarity of flow " + i);
        }
        assertSummariesMatch(oracle, result);
    }

    private static void assertNumberedByFirstAppearance(int[] labels) {
        int next = 0;
        for (int label : labels) {
            if (label == next) {
                next++;
            }
            assertTrue(label < next, "label " + label + " appears before label " + next);
        }
    }

    // Expected figures per cluster come from the reference's own packets and distances.
    private static void assertSummariesMatch(List<ReferenceOracle.Flow> oracle, ClusteringResult result) {
        TreeMap<Integer, List<ReferenceOracle.Flow>> members = new TreeMap<>();
        for (int i = 0; i < oracle.size(); i++) {
            members.computeIfAbsent(result.labels()[i], label -> new ArrayList<>()).add(oracle.get(i));
        }
        assertEquals(List.copyOf(members.keySet()),
                result.clusters().stream().map(ClusterSummary::id).toList(), "summary ids, noise first");

        for (ClusterSummary summary : result.clusters()) {
            List<ReferenceOracle.Flow> flows = members.get(summary.id());
            String what = "cluster " + summary.id();
            assertEquals(flows.size(), summary.flows(), what + " flows");
            assertEquals(flows.stream().mapToLong(ReferenceOracle.Flow::packets).sum(), summary.packets(),
                    what + " packets");
            assertEquals(flows.stream().mapToDouble(ReferenceOracle.Flow::distance).average().orElseThrow(),
                    summary.meanDistance(), DISTANCE_TOLERANCE, what + " mean distance");
            assertEquals(flows.stream().mapToDouble(ReferenceOracle.Flow::distance).max().orElseThrow(),
                    summary.maxDistance(), DISTANCE_TOLERANCE, what + " max distance");
            assertEquals(100.0, Arrays.stream(summary.centroid()).sum(), 1e-9,
                    what + " centroid, a mean of distributions, sums to 100 %");
        }
    }
}

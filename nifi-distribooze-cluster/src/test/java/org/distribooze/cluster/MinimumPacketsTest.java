package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Flows with fewer packets than the minimum are kept, labelled -2 and measured against their own group's mean. */
class MinimumPacketsTest {

    private static final double EXACT = 1e-12;

    // Three flows {0, 1} of 4 packets, one {0, 1} of 2 packets, one {2} of 3 packets.
    private static final List<long[]> FLOWS = List.of(new long[] {2, 2, 0}, new long[] {2, 2, 0},
            new long[] {2, 2, 0}, new long[] {1, 1, 0}, new long[] {0, 0, 3});

    @Test
    void givenShortFlows_whenMinimumPacketsFour_thenMarkedUnclusteredAndNotCountedForOthers() {
        ClusteringResult result = jaccard(4).cluster(FLOWS);

        // The three 4-packet twins alone are 3 flows, short of minimum points 4: noise.
        assertArrayEquals(new int[] {-1, -1, -1, -2, -2}, result.labels());
    }

    @Test
    void givenShortFlows_whenMinimumPacketsOne_thenTheShortTwinMakesACluster() {
        ClusteringResult result = jaccard(1).cluster(FLOWS);

        assertArrayEquals(new int[] {0, 0, 0, 0, -1}, result.labels());
    }

    @Test
    void givenUnclusteredFlows_whenMeasured_thenAgainstTheirOwnMeanAndSummarisedFirst() {
        ClusteringResult result = jaccard(4).cluster(FLOWS);

        // Unclustered: (50, 50, 0) and (0, 0, 100), mean (25, 25, 50), each sqrt(25^2 + 25^2 + 50^2) = 25 sqrt 6
        // away. Noise: three times (50, 50, 0), on their mean.
        double away = 25 * Math.sqrt(6);
        assertArrayEquals(new double[] {0, 0, 0, away, away}, result.distances(), EXACT);
        assertEquals(List.of(-2, -1), result.clusters().stream().map(ClusterSummary::id).toList());
        ClusterSummary unclustered = result.clusters().get(0);
        assertEquals(2, unclustered.flows());
        assertEquals(5, unclustered.packets());
        assertArrayEquals(new double[] {25, 25, 50}, unclustered.centroid(), EXACT);
        assertEquals(away, unclustered.meanDistance(), EXACT);
        assertEquals(away, unclustered.maxDistance(), EXACT);
        assertEquals(3, result.clusters().get(1).flows());
    }

    @Test
    void givenEuclideanMode_whenMinimumPacketsSet_thenShortFlowsLeftOutThereToo() {
        ClusteringResult result = new FlowClusterer(Distance.EUCLIDEAN_PERCENTAGES, Epsilon.of(8), 3, 4)
                .cluster(FLOWS);

        assertArrayEquals(new int[] {0, 0, 0, -2, -2}, result.labels());
    }

    private static FlowClusterer jaccard(int minPackets) {
        return new FlowClusterer(Distance.JACCARD_OCCUPIED_BINS, Epsilon.fraction(1, 3), 4, minPackets);
    }
}

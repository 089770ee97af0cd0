package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small sets worked out by hand. Most use two bins, so a flow is a point on the line from (100 %, 0 %) to
 * (0 %, 100 %): flows t and u percentage points apart along it are |t - u| * sqrt 2 apart.
 */
class FlowClustererTest {

    private static final double EXACT = 1e-12;
    private static final double SQRT2 = Math.sqrt(2);

    @Test
    void givenFiveAlikeFlowsAndOneFarAway_whenClustered_thenOneClusterAndTheFarOneIsNoise() {
        // Every packet of the five in bin 2 (100 % there, whatever their length), the far one's in bin 40.
        List<long[]> flows = List.of(bins48(40, 3), bins48(2, 10), bins48(2, 20), bins48(2, 7),
                bins48(2, 1), bins48(2, 4));

        ClusteringResult result = new FlowClusterer(8, 5).cluster(flows);

        assertArrayEquals(new int[] {-1, 0, 0, 0, 0, 0}, result.labels());
        assertArrayEquals(new double[6], result.distances(), EXACT);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, result.similarities(), EXACT);
        assertEquals(2, result.clusters().size());
        assertSummary(result.clusters().get(0), -1, 1, 3, percent48(40), 0, 0);
        assertSummary(result.clusters().get(1), 0, 5, 42, percent48(2), 0, 0);
    }

    @Test
    void givenTwoFlowsInDifferentBins_whenOneCluster_thenCentroidHalfwayAndSimilarityHalf() {
        // (100, 0) and (0, 100) are 100 sqrt 2 = 141.42 apart, the largest distance there is.
        List<long[]> flows = List.of(new long[] {3, 0}, new long[] {0, 5});

        ClusteringResult result = new FlowClusterer(150, 2).cluster(flows);

        assertArrayEquals(new int[] {0, 0}, result.labels());
        assertArrayEquals(new double[] {50 * SQRT2, 50 * SQRT2}, result.distances(), EXACT);
        assertArrayEquals(new double[] {0.5, 0.5}, result.similarities(), EXACT);
        assertSummary(result.clusters().get(0), 0, 2, 8, new double[] {50, 50}, 50 * SQRT2, 50 * SQRT2);
    }

    @Test
    void givenTwoLoneFlows_whenBothNoise_thenMeasuredAgainstTheNoiseMean() {
        List<long[]> flows = List.of(new long[] {3, 0}, new long[] {0, 5});

        ClusteringResult result = new FlowClusterer(141, 2).cluster(flows);

        assertArrayEquals(new int[] {-1, -1}, result.labels());
        assertArrayEquals(new double[] {50 * SQRT2, 50 * SQRT2}, result.distances(), EXACT);
        assertEquals(1, result.clusters().size());
        assertSummary(result.clusters().get(0), -1, 2, 8, new double[] {50, 50}, 50 * SQRT2, 50 * SQRT2);
    }

    @Test
    void givenThirdsOfPackets_whenClustered_thenPercentagesAreNotTruncated() {
        // (1, 2) is (33.33, 66.67) and (1, 1) is (50, 50): the centroid is (41.67, 58.33) and each flow lies
        // 8.33 sqrt 2 = 11.785 from it. Truncated to whole percent it would be (41.5, 58) and 11.67.
        List<long[]> flows = List.of(new long[] {1, 2}, new long[] {1, 1});

        ClusteringResult result = new FlowClusterer(24, 2).cluster(flows);

        double twelfth = 100.0 / 12;
        assertArrayEquals(new double[] {twelfth * SQRT2, twelfth * SQRT2}, result.distances(), EXACT);
        assertArrayEquals(new double[] {50 - twelfth, 50 + twelfth}, result.clusters().get(0).centroid(), EXACT);
    }

    @Test
    void givenBorderFlowSeenFirst_whenClustered_thenItsClusterIsNumberedZero() {
        // minPoints 4, eps 8, two bins, 20 packets each; position t = percent in bin 1.
        // A: four flows at t 0. B: three at t 50 and one at t 55 (7.07 from them: core with 5 in reach).
        // X at t 60 reaches only the t-55 flow (14.14 from the rest): 2 with itself, a border flow of B.
        // X comes first, so B is cluster 0 although A's core flows come before B's.
        // B's centroid: t = (60 + 3 * 50 + 55) / 5 = 53, so X lies 7 sqrt 2 from it, t 50 3 sqrt 2, t 55 2 sqrt 2.
        long[] a = {20, 0};
        long[] b = {10, 10};
        List<long[]> flows = List.of(new long[] {8, 12}, a, a.clone(), a.clone(), a.clone(), b, b.clone(),
                b.clone(), new long[] {9, 11});

        ClusteringResult result = new FlowClusterer(8, 4).cluster(flows);

        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 0, 0, 0, 0}, result.labels());
        assertArrayEquals(new double[] {7 * SQRT2, 0, 0, 0, 0, 3 * SQRT2, 3 * SQRT2, 3 * SQRT2, 2 * SQRT2},
                result.distances(), EXACT);
        assertEquals(2, result.clusters().size());
        assertSummary(result.clusters().get(0), 0, 5, 100, new double[] {47, 53}, 18 * SQRT2 / 5, 7 * SQRT2);
        assertSummary(result.clusters().get(1), 1, 4, 80, new double[] {100, 0}, 0, 0);
        Partitions.assertSamePartition(Sklearn.dbscan(flows, 8, 4), result.labels(), "scikit-learn");
    }

    @Test
    void givenBorderFlowBetweenTwoClusters_whenClustered_thenTheClusterWithTheEarlierCoreFlowTakesIt() {
        // minPoints 4, eps 8, two bins, 20 packets each; t = percent in bin 1, neighbours 5 apart are 7.07.
        // A: three flows at t 0 and one at t 5. B: three at t 20 and one at t 15. X at t 10 reaches the t-5
        // and t-15 flows only: 3 with itself, not core, a border flow of both clusters. scikit-learn grows
        // clusters from core flows in input order and a flow stays in the first cluster that reaches it.
        long[] x = {18, 2};
        long[] a = {20, 0};
        long[] aEdge = {19, 1};
        long[] b = {16, 4};
        long[] bEdge = {17, 3};

        // B's first core flow (its edge, second) comes before A's: X goes to B.
        List<long[]> bFirst = List.of(x, bEdge, b, b.clone(), b.clone(), a, a.clone(), a.clone(), aEdge);
        ClusteringResult toB = new FlowClusterer(8, 4).cluster(bFirst);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1}, toB.labels());
        Partitions.assertSamePartition(Sklearn.dbscan(bFirst, 8, 4), toB.labels(), "scikit-learn, B first");

        // A's first core flow (second) comes first although B's edge, X's own neighbour, precedes A's edge.
        List<long[]> aFirst = List.of(x, a, a.clone(), a.clone(), bEdge, b, b.clone(), b.clone(), aEdge);
        ClusteringResult toA = new FlowClusterer(8, 4).cluster(aFirst);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0}, toA.labels());
        Partitions.assertSamePartition(Sklearn.dbscan(aFirst, 8, 4), toA.labels(), "scikit-learn, A first");
        // A with X: t = (10 + 0 + 0 + 0 + 5) / 5 = 3, X 7 sqrt 2 away.
        assertEquals(7 * SQRT2, toA.distances()[0], EXACT);
    }

    @Test
    void givenMinPointsOne_whenClustered_thenLoneFlowsAreClustersAndChainsJoin() {
        // eps 8: t 50, 55, 60 are chained by steps of 7.07 though the ends are 14.14 apart; t 0 and t 100
        // have no neighbour. With minPoints 1 every flow is core, so there is no noise.
        List<long[]> flows = List.of(new long[] {20, 0}, new long[] {10, 10}, new long[] {0, 20},
                new long[] {9, 11}, new long[] {8, 12});

        ClusteringResult result = new FlowClusterer(8, 1).cluster(flows);

        assertArrayEquals(new int[] {0, 1, 2, 1, 1}, result.labels());
        assertArrayEquals(new double[] {0, 5 * SQRT2, 0, 0, 5 * SQRT2}, result.distances(), EXACT);
        assertEquals(List.of(0, 1, 2), result.clusters().stream().map(ClusterSummary::id).toList());
        Partitions.assertSamePartition(Sklearn.dbscan(flows, 8, 1), result.labels(), "scikit-learn");
    }

    @Test
    void givenFourAlikeFlows_whenMinPointsFive_thenAllNoise() {
        List<long[]> flows = alike(4);

        ClusteringResult result = new FlowClusterer(8, 5).cluster(flows);

        assertArrayEquals(new int[] {-1, -1, -1, -1}, result.labels());
    }

    @Test
    void givenFourAlikeFlows_whenMinPointsFour_thenOneCluster() {
        // Each has three others in reach: with itself that makes four.
        ClusteringResult result = new FlowClusterer(8, 4).cluster(alike(4));

        assertArrayEquals(new int[] {0, 0, 0, 0}, result.labels());
    }

    @Test
    void givenFiveAlikeFlows_whenMinPointsFive_thenOneCluster() {
        ClusteringResult result = new FlowClusterer(8, 5).cluster(alike(5));

        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, result.labels());
    }

    @Test
    void givenFlowsExactlyEpsilonApart_whenClustered_thenTheyAreNeighbours() {
        // (25, 25, 25, 25) and (23, 23, 27, 27) differ by 2 in each of four bins: 4 apart, exact in binary.
        List<long[]> flows = List.of(new long[] {1, 1, 1, 1}, new long[] {23, 23, 27, 27});

        ClusteringResult atRadius = new FlowClusterer(4, 2).cluster(flows);
        ClusteringResult justOutside = new FlowClusterer(Math.nextDown(4.0), 2).cluster(flows);

        assertArrayEquals(new int[] {0, 0}, atRadius.labels());
        assertArrayEquals(new int[] {-1, -1}, justOutside.labels());
        Partitions.assertSamePartition(Sklearn.dbscan(flows, 4, 2), atRadius.labels(), "scikit-learn");
    }

    @Test
    void givenDistances_whenSimilarity_thenOneMinusDistanceOverLargestDistance() {
        assertEquals(100 * SQRT2, ClusteringResult.MAX_DISTANCE, EXACT);
        assertEquals(1.0, ClusteringResult.similarity(0), EXACT);
        assertEquals(0.75, ClusteringResult.similarity(25 * SQRT2), EXACT);
        assertEquals(0.0, ClusteringResult.similarity(100 * SQRT2), EXACT);
    }

    @Test
    void givenNoFlows_whenClustered_thenEmptyResult() {
        ClusteringResult result = new FlowClusterer(8, 5).cluster(List.of());

        assertEquals(0, result.labels().length);
        assertEquals(0, result.distances().length);
        assertEquals(0, result.similarities().length);
        assertEquals(List.of(), result.clusters());
    }

    private static List<long[]> alike(int flows) {
        long[][] histograms = new long[flows][];
        for (int i = 0; i < flows; i++) {
            histograms[i] = new long[] {3, 1};
        }
        return List.of(histograms);
    }

    private static long[] bins48(int bin, long packets) {
        long[] counts = new long[48];
        counts[bin] = packets;
        return counts;
    }

    private static double[] percent48(int bin) {
        double[] percent = new double[48];
        percent[bin] = 100;
        return percent;
    }

    private static void assertSummary(ClusterSummary summary, int id, int flows, long packets, double[] centroid,
                                      double meanDistance, double maxDistance) {
        String what = "cluster " + id;
        assertEquals(id, summary.id(), "id");
        assertEquals(flows, summary.flows(), what + " flows");
        assertEquals(packets, summary.packets(), what + " packets");
        assertArrayEquals(centroid, summary.centroid(), EXACT, what + " centroid");
        assertEquals(meanDistance, summary.meanDistance(), EXACT, what + " mean distance");
        assertEquals(maxDistance, summary.maxDistance(), EXACT, what + " max distance");
    }
}

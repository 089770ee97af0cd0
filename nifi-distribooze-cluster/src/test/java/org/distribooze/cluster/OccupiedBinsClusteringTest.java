package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The occupied-bins mode on small sets worked out by hand. A flow is the set of bins holding a packet, written
 * here as {0, 1, 2}; two sets are |S xor T| / |S or T| apart: {0, 1, 2} and {0, 1} differ in one bin of three.
 */
class OccupiedBinsClusteringTest {

    private static final double EXACT = 1e-12;

    @Test
    void givenSetsOneThirdApart_whenRadiusOneThird_thenNeighboursExactlyAtTheRadius() {
        // {0, 1, 2} and {0, 1}.
        List<long[]> flows = List.of(new long[] {1, 1, 1, 0}, new long[] {5, 5, 0, 0});

        assertArrayEquals(new int[] {0, 0}, jaccard(Epsilon.fraction(1, 3), 2, 1).cluster(flows).labels());
        assertArrayEquals(new int[] {-1, -1}, jaccard(Epsilon.of(0.33), 2, 1).cluster(flows).labels());
    }

    @Test
    void givenTheDoubleNearestOneThird_whenRadius_thenSameNeighboursAsTheFraction() {
        // 0.3333333333333333 lies a hair below 1/3, but 1 / 3 divided in double is that very number.
        List<long[]> flows = List.of(new long[] {1, 1, 1, 0}, new long[] {5, 5, 0, 0});

        ClusteringResult decimal = jaccard(Epsilon.parse("0.3333333333333333"), 2, 1).cluster(flows);
        ClusteringResult below = jaccard(Epsilon.of(Math.nextDown(1.0 / 3.0)), 2, 1).cluster(flows);

        assertArrayEquals(new int[] {0, 0}, decimal.labels());
        assertArrayEquals(new int[] {-1, -1}, below.labels());
    }

    @Test
    void givenSameBinsInOppositeShares_whenOccupiedBins_thenTwinsWhereEuclideanSeesThemFarApart() {
        // (90 %, 10 %) and (10 %, 90 %): the same set {0, 1}, but 80 sqrt 2 = 113.1 apart in percent.
        List<long[]> flows = List.of(new long[] {9, 1}, new long[] {1, 9});

        ClusteringResult occupied = jaccard(Epsilon.fraction(1, 100), 2, 1).cluster(flows);
        ClusteringResult euclidean = new FlowClusterer(Distance.EUCLIDEAN_PERCENTAGES, Epsilon.of(8), 2, 1)
                .cluster(flows);

        assertArrayEquals(new int[] {0, 0}, occupied.labels());
        assertArrayEquals(new int[] {-1, -1}, euclidean.labels());
        // Measured in percent whatever the distance: each lies 40 sqrt 2 from their mean (50, 50).
        assertArrayEquals(new double[] {40 * Math.sqrt(2), 40 * Math.sqrt(2)}, occupied.distances(), EXACT);
    }

    @Test
    void givenThreeTwinsAndANeighbour_whenMinPoints_thenFlowsAreCountedNotSets() {
        // Three flows {0, 1} and one {0, 1, 2}, 1/3 apart: each flow has all four within 1/3, itself included.
        List<long[]> flows = List.of(new long[] {2, 2, 0}, new long[] {3, 1, 0}, new long[] {1, 1, 1},
                new long[] {1, 7, 0});

        assertArrayEquals(new int[] {0, 0, 0, 0}, jaccard(Epsilon.fraction(1, 3), 4, 1).cluster(flows).labels());
        assertArrayEquals(new int[] {-1, -1, -1, -1},
                jaccard(Epsilon.fraction(1, 3), 5, 1).cluster(flows).labels());
        // Within 1/4 only the twins remain: three flows, core with minimum 3; {0, 1, 2} is noise.
        assertArrayEquals(new int[] {0, 0, -1, 0}, jaccard(Epsilon.fraction(1, 4), 3, 1).cluster(flows).labels());
    }

    /*
     * Minimum points 4, radius 1/3, sets over five bins:
     *   X {0,1,2} x1, A {0,1} x1, A' {0,1,3} x2, B {1,2} x1, B' {1,2,4} x2.
     * Within 1/3: X-A, X-B, A-A', B-B' (each one bin of three); every other pair is 1/2 or more apart
     * (X-A' and X-B' 2/4, A-B 2/3, A-B' and A'-B 3/4, A'-B' 4/5).
     * Flows in reach, itself included: X 3, A 1 + 1 + 2 = 4, A' 3, B 4, B' 3. So A and B are the core flows, and
     * X, a border flow of both clusters, joins the one whose core flow comes first in the input.
     */
    private static final long[] X = {1, 1, 1, 0, 0};
    private static final long[] A = {1, 1, 0, 0, 0};
    private static final long[] A_EDGE = {1, 1, 0, 1, 0};
    private static final long[] B = {0, 1, 1, 0, 0};
    private static final long[] B_EDGE = {0, 1, 1, 0, 1};

    @Test
    void givenBorderSetBetweenTwoClusters_whenBsCoreFlowComesFirst_thenBTakesIt() {
        List<long[]> flows = List.of(X, A_EDGE, A_EDGE, B, B_EDGE, B_EDGE, A);

        ClusteringResult result = jaccard(Epsilon.fraction(1, 3), 4, 1).cluster(flows);

        // X first makes B's cluster number 0.
        assertArrayEquals(new int[] {0, 1, 1, 0, 0, 0, 1}, result.labels());
        Partitions.assertSamePartition(SklearnJaccard.dbscan(flows, "1/3", 4, 1).labels(), result.labels(),
                "scikit-learn");
    }

    @Test
    void givenBorderSetBetweenTwoClusters_whenAsCoreFlowComesFirst_thenATakesIt() {
        List<long[]> flows = List.of(X, B_EDGE, A, A_EDGE, A_EDGE, B, B_EDGE);

        ClusteringResult result = jaccard(Epsilon.fraction(1, 3), 4, 1).cluster(flows);

        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 1, 1}, result.labels());
        Partitions.assertSamePartition(SklearnJaccard.dbscan(flows, "1/3", 4, 1).labels(), result.labels(),
                "scikit-learn");
    }

    @Test
    void givenMoreThanSixtyFourBins_whenOccupiedBins_thenSetsSpanSeveralWords() {
        // {64, 65} twice and {64, 65, 66}, 1/3 apart, beyond the first 64 bits; {0} far from them.
        long[] low = new long[70];
        low[0] = 4;
        long[] pair = new long[70];
        pair[64] = 2;
        pair[65] = 2;
        long[] triple = pair.clone();
        triple[66] = 1;

        ClusteringResult result = jaccard(Epsilon.fraction(1, 3), 3, 1).cluster(List.of(low, pair, triple, pair));

        assertArrayEquals(new int[] {-1, 0, 0, 0}, result.labels());
    }

    private static FlowClusterer jaccard(Epsilon epsilon, int minPoints, int minPackets) {
        return new FlowClusterer(Distance.JACCARD_OCCUPIED_BINS, epsilon, minPoints, minPackets);
    }
}

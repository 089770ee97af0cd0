package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clustering each distinct feature once, weighted by its flows, must give exactly the partition of clustering every
 * flow as a point of its own: checked on every shared capture (its TCP flows as the reference script reads them),
 * in both modes, against per-flow implementations that know nothing of weights: Smile's DBSCAN for the Euclidean
 * mode, scikit-learn's (with the radius worked out independently) and a plain per-flow DBSCAN for the occupied-bins
 * mode. Then on the largest capture in shuffled orders, where border flows depend on the order, and on flows
 * resampled from it, with many distinct vectors close together.
 */
class WeightedMatchesPerFlowTest {

    private static final Map<String, List<long[]>> HISTOGRAMS = new ConcurrentHashMap<>();
    private static final Map<String, SklearnJaccard.Outcome> SKLEARN_DEFAULTS = new ConcurrentHashMap<>();
    private static final String REAL50 = "bench/real50.pcap";

    static Stream<String> captures() {
        return SharedCaptures.all().stream();
    }

    private static List<long[]> flowsOf(String capture) {
        return HISTOGRAMS.computeIfAbsent(capture, c -> ReferenceOracle.histograms(SharedData.file(c)));
    }

    // scikit-learn's outcome with the defaults for every capture, from one Python run: its start dominates.
    private static synchronized SklearnJaccard.Outcome sklearnDefaults(String capture) {
        if (SKLEARN_DEFAULTS.isEmpty()) {
            List<String> all = SharedCaptures.all();
            List<SklearnJaccard.Outcome> outcomes = SklearnJaccard.dbscanEach(
                    all.stream().map(WeightedMatchesPerFlowTest::flowsOf).toList(), null, 10, 4);
            for (int i = 0; i < all.size(); i++) {
                SKLEARN_DEFAULTS.put(all.get(i), outcomes.get(i));
            }
        }
        return SKLEARN_DEFAULTS.get(capture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void givenSharedCapture_whenEuclideanOnDistinctVectors_thenSmilesPerFlowPartition(String capture) {
        List<long[]> flows = flowsOf(capture);

        // Minimum points 2 gives the captures of a few flows clusters too.
        for (int minPoints : new int[] {5, 2}) {
            ClusteringResult weighted = original(8, minPoints).cluster(flows);

            int[] perFlow = SmilePerFlow.dbscan(flows, 8, minPoints);

            Partitions.assertSamePartition(perFlow, weighted.labels(), capture + " eps 8 minPoints " + minPoints);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void givenSharedCapture_whenOccupiedBinsDefaults_thenScikitLearnsPerFlowPartitionAndRadius(String capture) {
        List<long[]> flows = flowsOf(capture);

        ClusteringResult weighted = FlowClusterer.withDefaults(Distance.JACCARD_OCCUPIED_BINS).cluster(flows);

        SklearnJaccard.Outcome perFlow = sklearnDefaults(capture);
        assertEquals(perFlow.epsilon(), weighted.epsilon().fraction().orElseThrow(), capture + " radius");
        Partitions.assertSamePartition(perFlow.labels(), weighted.labels(), capture + " defaults");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void givenSharedCapture_whenOccupiedBinsWideRadius_thenPlainPerFlowPartition(String capture) {
        List<long[]> flows = flowsOf(capture);

        ClusteringResult weighted = jaccard("1/2", 2, 1).cluster(flows);

        int[] perFlow = PerFlowDbscan.labels(flows.size(), PerFlowDbscan.jaccard(flows, 1, 2), 2);
        Partitions.assertSamePartition(perFlow, weighted.labels(), capture + " eps 1/2 minPoints 2");
    }

    static Stream<Arguments> shuffles() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            // Radius 2 with 10 and radius 12 with 20 leave border flows within reach of two clusters.
            cases.add(Arguments.of(seed, 8.0, 5));
            cases.add(Arguments.of(seed, 2.0, 10));
            cases.add(Arguments.of(seed, 12.0, 20));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, eps {1}, minPoints {2}")
    @MethodSource("shuffles")
    void givenRealFlowsShuffled_whenEuclidean_thenSmilesPerFlowPartitionInThatOrder(long seed, double epsilon,
                                                                                  int minPoints) {
        List<long[]> flows = shuffled(flowsOf(REAL50), seed);

        ClusteringResult weighted = original(epsilon, minPoints).cluster(flows);

        int[] perFlow = SmilePerFlow.dbscan(flows, epsilon, minPoints);
        Partitions.assertSamePartition(perFlow, weighted.labels(), "real50 shuffled with seed " + seed);
    }

    static Stream<Arguments> jaccardShuffles() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            cases.add(Arguments.of(seed, "auto", 10, 4));
            cases.add(Arguments.of(seed, "1/2", 3, 1));
            cases.add(Arguments.of(seed, "1/4", 5, 2));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, eps {1}, minPoints {2}, minPackets {3}")
    @MethodSource("jaccardShuffles")
    void givenRealFlowsShuffled_whenOccupiedBins_thenPlainPerFlowPartitionInThatOrder(long seed, String epsilon,
                                                                                    int minPoints, int minPackets) {
        List<long[]> flows = shuffled(flowsOf(REAL50), seed);

        ClusteringResult weighted = jaccard(epsilon, minPoints, minPackets).cluster(flows);

        ClusteringResult unshuffled = jaccard(epsilon, minPoints, minPackets).cluster(flowsOf(REAL50));
        assertEquals(unshuffled.epsilon(), weighted.epsilon(), "the radius does not depend on the order");
        assertSamePartitionPerFlow(flows, weighted, minPoints, minPackets, "real50 shuffled with seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("resampleSeeds")
    void givenResampledFlows_whenBothModes_thenPerFlowPartitions(long seed) {
        List<long[]> flows = resampled(flowsOf(REAL50), 5000, seed);

        ClusteringResult euclidean = original(8, 5).cluster(flows);
        ClusteringResult occupied = FlowClusterer.withDefaults(Distance.JACCARD_OCCUPIED_BINS).cluster(flows);

        Partitions.assertSamePartition(SmilePerFlow.dbscan(flows, 8, 5), euclidean.labels(), "Euclidean");
        assertSamePartitionPerFlow(flows, occupied, 10, 4, "occupied bins");
        long real = distinct(flowsOf(REAL50));
        assertTrue(distinct(flows) > real, "resampling should give more distinct histograms than the capture's "
                + real + ", got " + distinct(flows));
    }

    static Stream<Long> resampleSeeds() {
        return Stream.of(7L, 8L);
    }

    private static void assertSamePartitionPerFlow(List<long[]> flows, ClusteringResult weighted, int minPoints,
                                                   int minPackets, String what) {
        List<long[]> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            if (Arrays.stream(flows.get(i)).sum() >= minPackets) {
                kept.add(flows.get(i));
                keptIndex.add(i);
            }
        }
        String[] fraction = weighted.epsilon().fraction().orElseThrow().split("/");
        int[] keptLabels = PerFlowDbscan.labels(kept.size(), PerFlowDbscan.jaccard(kept,
                Long.parseLong(fraction[0]), Long.parseLong(fraction[1])), minPoints);

        int[] perFlow = new int[flows.size()];
        Arrays.fill(perFlow, ClusteringResult.UNCLUSTERED);
        for (int k = 0; k < kept.size(); k++) {
            perFlow[keptIndex.get(k)] = keptLabels[k];
        }
        Partitions.assertSamePartition(perFlow, weighted.labels(), what);
    }

    private static FlowClusterer original(double epsilon, int minPoints) {
        return new FlowClusterer(Distance.EUCLIDEAN_PERCENTAGES, Epsilon.of(epsilon), minPoints, 1);
    }

    private static FlowClusterer jaccard(String epsilon, int minPoints, int minPackets) {
        return new FlowClusterer(Distance.JACCARD_OCCUPIED_BINS, Epsilon.parse(epsilon), minPoints, minPackets);
    }

    private static List<long[]> shuffled(List<long[]> flows, long seed) {
        List<long[]> copy = new ArrayList<>(flows);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /**
     * Flows drawn from real ones: half kept as they are, half with their packet count scaled by up to a factor of
     * two either way and their packets drawn again from the real flow's distribution, so that many distinct
     * distributions lie close together, as on a busy link.
     */
    private static List<long[]> resampled(List<long[]> real, int n, long seed) {
        Random random = new Random(seed);
        List<long[]> flows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] model = real.get(random.nextInt(real.size()));
            if (random.nextBoolean()) {
                flows.add(model.clone());
                continue;
            }
            long packets = Arrays.stream(model).sum();
            long drawn = Math.max(1, Math.round(packets * Math.pow(2, 2 * random.nextDouble() - 1)));
            long[] counts = new long[model.length];
            for (long k = 0; k < drawn; k++) {
                long target = (long) (random.nextDouble() * packets);
                int bin = 0;
                for (long seen = model[0]; seen <= target; seen += model[++bin]) {
                    // walk to the bin holding the target-th packet
                }
                counts[bin]++;
            }
            flows.add(counts);
        }
        return flows;
    }

    private static long distinct(List<long[]> flows) {
        return flows.stream().map(Arrays::toString).distinct().count();
    }
}

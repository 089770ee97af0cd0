package org.distribooze.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures a labelled set of flows against the centroids of their groups: each flow's distance and similarity,
 * and one summary per group. Whatever distance clustered them, flows are measured by the Euclidean distance of
 * their percentage distributions, so the figures read the same in both modes. The noise group and the group of
 * flows not clustered are measured like clusters, each against its own mean: a noise flow's distance says how far
 * it is from the other odd flows, not from any real cluster.
 * <p>
 * Two passes over the flows, the percentages worked out afresh in each: memory holds one centroid per group,
 * never a distribution per flow.
 */
final class CentroidMeasures {

    // Slot 0 holds the unclustered group, 1 the noise group, id + 2 cluster id.
    private static final int FIRST_SLOT = -ClusteringResult.UNCLUSTERED;

    private CentroidMeasures() {
    }

    /**
     * @param labels per flow: {@link ClusteringResult#UNCLUSTERED}, {@link ClusteringResult#NOISE} or 0, 1, ...
     *        with no number skipped
     */
    static ClusteringResult measure(FlowHistograms flows, int[] labels, Epsilon epsilon) {
        double[][] centroids = centroids(flows, labels);
        double[] distances = new double[labels.length];
        double[] similarities = new double[labels.length];
        double[] distribution = new double[flows.bins()];

        for (int i = 0; i < labels.length; i++) {
            flows.percentages(i, distribution);
            distances[i] = Euclidean.distance(distribution, centroids[slot(labels[i])]);
            similarities[i] = ClusteringResult.similarity(distances[i]);
        }

        List<ClusterSummary> summaries = summaries(flows, labels, centroids, distances);
        return new ClusteringResult(labels, distances, similarities, summaries, epsilon);
    }

    private static int slot(int label) {
        return label + FIRST_SLOT;
    }

    private static double[][] centroids(FlowHistograms flows, int[] labels) {
        int max = ClusteringResult.NOISE;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        int bins = flows.bins();
        double[][] sums = new double[slot(max) + 1][bins];
        long[] members = new long[sums.length];
        double[] distribution = new double[bins];

        for (int i = 0; i < labels.length; i++) {
            int s = slot(labels[i]);
            members[s]++;
            flows.percentages(i, distribution);
            for (int bin = 0; bin < bins; bin++) {
                sums[s][bin] += distribution[bin];
            }
        }

        for (int s = 0; s < sums.length; s++) {
            for (int bin = 0; bin < bins && members[s] > 0; bin++) {
                sums[s][bin] /= members[s];
            }
        }
        return sums;
    }

    private static List<ClusterSummary> summaries(FlowHistograms flows, int[] labels, double[][] centroids,
                                                  double[] distances) {
        int slots = centroids.length;
        int[] members = new int[slots];
        long[] packetSums = new long[slots];
        double[] distanceSums = new double[slots];
        double[] maxDistances = new double[slots];

        for (int i = 0; i < labels.length; i++) {
            int s = slot(labels[i]);
            members[s]++;
            packetSums[s] += flows.packets(i);
            distanceSums[s] += distances[i];
            maxDistances[s] = Math.max(maxDistances[s], distances[i]);
        }

        List<ClusterSummary> summaries = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            if (members[s] > 0) {
                summaries.add(new ClusterSummary(s - FIRST_SLOT, members[s], packetSums[s], centroids[s],
                        distanceSums[s] / members[s], maxDistances[s]));
            }
        }
        return summaries;
    }
}

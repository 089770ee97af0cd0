package org.distribooze.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures a labelled set of flows against the centroids of their clusters: each flow's distance and
 * similarity, and one summary per cluster. The noise group is measured like a cluster, against its own mean,
 * so a noise flow's distance says how far it is from the other odd flows, not from any real cluster.
 */
final class CentroidMeasures {

    private CentroidMeasures() {
    }

    /**
     * @param labels per flow: {@link ClusteringResult#NOISE} or 0, 1, ... with no number skipped
     */
    static ClusteringResult measure(PercentDistributions flows, int[] labels) {
        int clusters = clusterCount(labels);
        double[][] centroids = centroids(flows.vectors(), labels, clusters);
        double[] distances = new double[labels.length];
        double[] similarities = new double[labels.length];

        for (int i = 0; i < labels.length; i++) {
            distances[i] = Euclidean.distance(flows.vectors()[i], centroids[slot(labels[i])]);
            similarities[i] = ClusteringResult.similarity(distances[i]);
        }

        List<ClusterSummary> summaries = summaries(flows.packets(), labels, centroids, distances);
        return new ClusteringResult(labels, distances, similarities, summaries);
    }

    // Slot 0 holds the noise group, slot id + 1 cluster id.
    private static int slot(int label) {
        return label + 1;
    }

    private static int clusterCount(int[] labels) {
        int max = ClusteringResult.NOISE;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static double[][] centroids(double[][] vectors, int[] labels, int clusters) {
        int bins = vectors.length == 0 ? 0 : vectors[0].length;
        double[][] sums = new double[clusters + 1][bins];
        int[] members = new int[clusters + 1];

        for (int i = 0; i < vectors.length; i++) {
            int s = slot(labels[i]);
            members[s]++;
            for (int bin = 0; bin < bins; bin++) {
                sums[s][bin] += vectors[i][bin];
            }
        }

        for (int s = 0; s < sums.length; s++) {
            for (int bin = 0; bin < bins && members[s] > 0; bin++) {
                sums[s][bin] /= members[s];
            }
        }
        return sums;
    }

    private static List<ClusterSummary> summaries(long[] packets, int[] labels, double[][] centroids,
                                                  double[] distances) {
        int slots = centroids.length;
        int[] flows = new int[slots];
        long[] packetSums = new long[slots];
        double[] distanceSums = new double[slots];
        double[] maxDistances = new double[slots];

        for (int i = 0; i < labels.length; i++) {
            int s = slot(labels[i]);
            flows[s]++;
            packetSums[s] += packets[i];
            distanceSums[s] += distances[i];
            maxDistances[s] = Math.max(maxDistances[s], distances[i]);
        }

        List<ClusterSummary> summaries = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            if (flows[s] > 0) {
                summaries.add(new ClusterSummary(s - 1, flows[s], packetSums[s], centroids[s],
                        distanceSums[s] / flows[s], maxDistances[s]));
            }
        }
        return summaries;
    }
}

package org.distribooze.cluster;

import java.util.List;

/**
 * Per-flow labels and distances, in input order, and one summary per cluster.
 *
 * @param labels cluster id per flow: 0, 1, ... numbered by first appearance in input order; -1 is noise
 * @param distances Euclidean distance from each flow's percentage distribution to its cluster's centroid
 * @param similarities 1 - distance / (100 * sqrt 2), the largest distance two distributions can have
 * @param clusters clusters in id order, the noise group (-1) first when there is one
 */
public record ClusteringResult(int[] labels, double[] distances, double[] similarities,
                               List<ClusterSummary> clusters) {

    public static final int NOISE = -1;

    /**
     * The largest Euclidean distance two percentage distributions can have: all packets of one flow in one
     * bin, all of the other's in another.
     */
    public static final double MAX_DISTANCE = 100.0 * Math.sqrt(2.0);

    /** 1 for a flow sitting on its centroid, 0 at the largest possible distance. */
    public static double similarity(double distance) {
        return 1.0 - distance / MAX_DISTANCE;
    }
}

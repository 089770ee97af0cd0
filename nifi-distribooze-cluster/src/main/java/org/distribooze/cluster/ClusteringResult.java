package org.distribooze.cluster;

import java.util.List;

/**
 * Per-flow labels and distances, in input order, one summary per group of flows, and the radius used.
 *
 * @param labels cluster id per flow: 0, 1, ... numbered by first appearance in input order; {@value #NOISE} is
 *        noise, {@value #UNCLUSTERED} a flow left out of clustering for having fewer packets than the minimum
 * @param distances Euclidean distance from each flow's percentage distribution to its group's centroid
 * @param similarities 1 - distance / (100 * sqrt 2), the largest distance two distributions can have
 * @param clusters one summary per group in id order: the unclustered group ({@value #UNCLUSTERED}) and the
 *        noise group ({@value #NOISE}) first when there are such flows
 * @param epsilon the radius used: the one asked for, or the one worked out when {@code auto} was asked for
 */
public record ClusteringResult(int[] labels, double[] distances, double[] similarities,
                               List<ClusterSummary> clusters, Epsilon epsilon) {

    public static final int NOISE = -1;

    /** Flows with fewer packets than the minimum: not clustered, reported as a group of their own. */
    public static final int UNCLUSTERED = -2;

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

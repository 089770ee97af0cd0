package org.distribooze.cluster;

import java.util.List;

/**
 * DBSCAN over each flow's packet-length distribution in percent, with Euclidean distance.
 * {@code minPoints} counts the point itself, as scikit-learn's {@code min_samples} does.
 */
public final class FlowClusterer {

    public static final double DEFAULT_EPSILON = 8.0;
    public static final int DEFAULT_MIN_POINTS = 5;

    private final double epsilon;
    private final int minPoints;

    public FlowClusterer(double epsilon, int minPoints) {
        this.epsilon = epsilon;
        this.minPoints = minPoints;
    }

    /** Clusters flows given by their histogram counts (each with at least one packet). */
    public ClusteringResult cluster(List<long[]> histograms) {
        throw new UnsupportedOperationException("to be written");
    }
}

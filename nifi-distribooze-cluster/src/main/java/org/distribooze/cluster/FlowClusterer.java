package org.distribooze.cluster;

import java.util.List;

/**
 * DBSCAN over each flow's packet-length distribution in percent, with Euclidean distance.
 * <p>
 * A flow is described by its histogram turned into percentages of its packets ({@code count * 100 /
 * packets} per bin, kept as doubles), so a short flow and a long one with the same mix of packet sizes
 * look alike. Two flows are neighbours when their distributions lie at most {@code epsilon} apart; the
 * radius is inclusive. A flow with at least {@code minPoints} flows within the radius, <b>itself
 * included</b> (scikit-learn's {@code min_samples}, not Smile's {@code minPts}), is a core flow. Core flows
 * within the radius of each other share a cluster; a flow that is not core but lies within the radius of a
 * core flow joins that flow's cluster (when it could join two, the one whose earliest core flow comes first
 * in input order, as in scikit-learn); every other flow is noise. With {@code minPoints} 1 every flow is
 * core and there is no noise: the clusters are the groups of flows chained together by steps of at most
 * {@code epsilon}.
 * <p>
 * Each flow is then measured by its Euclidean distance to its cluster's centroid, the mean of the members'
 * distributions. Noise is measured the same way against the mean of all noise flows. Distances run from 0
 * to {@link ClusteringResult#MAX_DISTANCE} (100 &radic;2), the distance between two flows with all their
 * packets in different bins, and similarity is {@code 1 - distance / MAX_DISTANCE}.
 * <p>
 * DBSCAN needs no number of clusters in advance, finds clusters of any shape and sets odd flows apart as
 * noise. On the other hand it finds one density only: a single {@code epsilon} cannot separate dense groups
 * and also gather sparse ones. In 48 dimensions distances between unrelated flows are all large and alike,
 * so {@code epsilon} must stay small compared with {@link ClusteringResult#MAX_DISTANCE}. Each flow is
 * compared with every other, so the time grows with the square of the number of flows, and all
 * distributions are held in memory at once.
 *
 * <h2>References</h2>
 * <ol>
 * <li>M. Ester, H.-P. Kriegel, J. Sander, X. Xu. A density-based algorithm for discovering clusters in
 *     large spatial databases with noise. KDD, 1996.</li>
 * <li>E. Schubert, J. Sander, M. Ester, H.-P. Kriegel, X. Xu. DBSCAN revisited, revisited: why and how you
 *     should (still) use DBSCAN. ACM Transactions on Database Systems 42(3), 2017.</li>
 * </ol>
 */
public final class FlowClusterer {

    public static final double DEFAULT_EPSILON = 8.0;
    public static final int DEFAULT_MIN_POINTS = 5;

    private final double epsilon;
    private final int minPoints;

    /**
     * @param epsilon the neighbourhood radius in percentage points, finite and greater than 0
     * @param minPoints flows a core flow needs within the radius, itself included; at least 1
     * @throws IllegalArgumentException if either is out of range
     */
    public FlowClusterer(double epsilon, int minPoints) {
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number greater than 0, got " + epsilon);
        }
        if (minPoints < 1) {
            throw new IllegalArgumentException(
                    "minPoints must be at least 1 (it counts the flow itself), got " + minPoints);
        }
        this.epsilon = epsilon;
        this.minPoints = minPoints;
    }

    /**
     * Clusters flows given by their histogram counts (each with at least one packet).
     *
     * @param histograms one histogram per flow, all with the same number of bins
     * @return labels, distances and similarities in input order, and the cluster summaries
     * @throws IllegalArgumentException if a histogram is null or empty of packets, has a negative count, or
     *         has another number of bins than the first
     */
    public ClusteringResult cluster(List<long[]> histograms) {
        PercentDistributions flows = PercentDistributions.of(histograms);

        int[] labels = new DbscanLabels(epsilon, minPoints).label(flows.vectors());

        return CentroidMeasures.measure(flows, labels);
    }

    /** The neighbourhood radius, inclusive. */
    public double epsilon() {
        return epsilon;
    }

    /** Flows a core flow needs within the radius, itself included. */
    public int minPoints() {
        return minPoints;
    }
}

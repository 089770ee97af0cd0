package org.distribooze.cluster;

import java.util.List;
import java.util.Objects;

/**
 * DBSCAN over flows' packet-length histograms, by one of two {@link Distance distances}.
 * <p>
 * <b>The default: occupied bins, Jaccard distance, automatic radius.</b> A flow is the set of bins holding at
 * least one of its packets; two flows are {@code |S xor T| / |S or T|} apart. Which packet sizes a protocol uses at
 * all tells protocols apart better than the shares of those sizes, which vary with what the flow carried: on a
 * recorded capture of 3,174 flows labelled by nDPI, this finds 5 clusters with homogeneity 0.96 and completeness
 * 0.78, where Euclidean distance on percentages finds 42 with completeness 0.36. The radius {@code auto} is worked
 * out from the flows (see {@link AutoEpsilon}: the flow-weighted median of each distinct set's distance to the
 * nearest other set, at most 1/2) and reported in the result. Minimum points 10, minimum packets 4.
 * <p>
 * <b>The original: Euclidean distance on percentages.</b> A flow is its histogram in percent of its packets
 * ({@code count * 100 / packets} per bin, kept as doubles), so a short flow and a long one with the same mix of
 * packet sizes look alike. The radius is a number of percentage points; the original tool's settings are radius
 * 8, minimum points 5 and minimum packets 1.
 * <p>
 * <b>DBSCAN, in both.</b> Two flows are neighbours when they lie at most {@code epsilon} apart, inclusive. A flow
 * with at least {@code minPoints} flows within the radius, <b>itself included</b> (scikit-learn's
 * {@code min_samples}, not Smile's {@code minPts}), is a core flow. Core flows within the radius of each other
 * share a cluster; a flow that is not core but lies within the radius of a core flow joins that flow's cluster
 * (when it could join two, the one whose earliest core flow comes first in input order, as in scikit-learn);
 * every other flow is noise ({@value ClusteringResult#NOISE}). With {@code minPoints} 1 every flow is core and
 * there is no noise. Flows with fewer than {@code minPackets} packets are not clustered at all, since a
 * distribution of two or three packets says little: they are labelled {@value ClusteringResult#UNCLUSTERED}, kept
 * in the result, left out of the radius worked out, and do not count towards anyone's minimum points.
 * <p>
 * <b>Measures.</b> Each flow is then measured by the Euclidean distance of its percentage distribution to its
 * group's centroid, the mean of the members' distributions, whichever distance clustered it. The noise flows
 * and the flows not clustered are measured the same way, each group against its own mean. Distances run from 0
 * to {@link ClusteringResult#MAX_DISTANCE} (100 &radic;2), and similarity is {@code 1 - distance / MAX_DISTANCE}.
 * <p>
 * <b>Scale.</b> Flows with the same feature (the same set of bins, or the same percentages) are clustered once,
 * weighted by their number ({@link WeightedDbscan}), which gives exactly the partition of clustering them one by
 * one. Memory grows with the distinct features and a few numbers per flow, never with the neighbourhoods. Time
 * grows with the square of the distinct features in the worst case; each search prunes with bounds
 * ({@link OccupiedBinsSearch}, {@link PercentageSearch}).
 * <p>
 * DBSCAN needs no number of clusters in advance, finds clusters of any shape and sets odd flows apart as noise.
 * On the other hand one radius finds one density only, and border flows between two clusters depend on the
 * input order.
 *
 * <h2>References</h2>
 * <ol>
 * <li>M. Ester, H.-P. Kriegel, J. Sander, X. Xu. A density-based algorithm for discovering clusters in
 *     large spatial databases with noise. KDD, 1996.</li>
 * <li>E. Schubert, J. Sander, M. Ester, H.-P. Kriegel, X. Xu. DBSCAN revisited, revisited: why and how you
 *     should (still) use DBSCAN. ACM Transactions on Database Systems 42(3), 2017.</li>
 * <li>P. Jaccard. The distribution of the flora in the alpine zone. New Phytologist 11(2), 1912.</li>
 * </ol>
 */
public final class FlowClusterer {

    /** The distance used when none is given. */
    public static final Distance DEFAULT_DISTANCE = Distance.JACCARD_OCCUPIED_BINS;

    /**
     * The original Euclidean mode's radius.
     *
     * @deprecated the default is now the occupied-bins distance with an automatic radius; use
     *             {@link Distance#defaultEpsilon()} of {@link Distance#EUCLIDEAN_PERCENTAGES}
     */
    @Deprecated
    public static final double DEFAULT_EPSILON = 8.0;

    /**
     * The original Euclidean mode's minimum points.
     *
     * @deprecated the default is now the occupied-bins distance with minimum points 10; use
     *             {@link Distance#defaultMinPoints()}
     */
    @Deprecated
    public static final int DEFAULT_MIN_POINTS = 5;

    private final Distance distance;
    private final Epsilon epsilon;
    private final int minPoints;
    private final int minPackets;

    /**
     * The original mode: Euclidean distance on percentages, every flow clustered (minimum packets 1).
     *
     * @param epsilon the neighbourhood radius in percentage points, finite and greater than 0
     * @param minPoints flows a core flow needs within the radius, itself included; at least 1
     * @throws IllegalArgumentException if either is out of range
     */
    public FlowClusterer(double epsilon, int minPoints) {
        this(Distance.EUCLIDEAN_PERCENTAGES, checkedNumber(epsilon), minPoints, 1);
    }

    /**
     * @param distance what flows are compared by
     * @param epsilon the neighbourhood radius: {@link Epsilon#auto()} for the occupied-bins distance only; a
     *        number greater than 0 and at most 1 for the occupied-bins distance, greater than 0 for Euclidean
     * @param minPoints flows a core flow needs within the radius, itself included; at least 1
     * @param minPackets packets a flow needs to be clustered at all; at least 1
     * @throws IllegalArgumentException if a setting is out of range or does not suit the distance
     */
    public FlowClusterer(Distance distance, Epsilon epsilon, int minPoints, int minPackets) {
        this.distance = Objects.requireNonNull(distance, "distance");
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon");
        checkEpsilon(distance, epsilon);
        if (minPoints < 1) {
            throw new IllegalArgumentException(
                    "minPoints must be at least 1 (it counts the flow itself), got " + minPoints);
        }
        if (minPackets < 1) {
            throw new IllegalArgumentException("minPackets must be at least 1, got " + minPackets);
        }
        this.minPoints = minPoints;
        this.minPackets = minPackets;
    }

    /** The distance with its own default radius, minimum points and minimum packets. */
    public static FlowClusterer withDefaults(Distance distance) {
        return new FlowClusterer(distance, distance.defaultEpsilon(), distance.defaultMinPoints(),
                distance.defaultMinPackets());
    }

    private static Epsilon checkedNumber(double epsilon) {
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number greater than 0, got " + epsilon);
        }
        return Epsilon.of(epsilon);
    }

    private static void checkEpsilon(Distance distance, Epsilon epsilon) {
        if (epsilon.isAuto()) {
            if (distance == Distance.EUCLIDEAN_PERCENTAGES) {
                throw new IllegalArgumentException("epsilon auto is for the occupied-bins (Jaccard) distance only;"
                        + " Euclidean distance on percentages needs a number (the original tool used 8)");
            }
            return;
        }
        if (!(epsilon.value() > 0.0)) {
            throw new IllegalArgumentException("epsilon must be greater than 0, got " + epsilon);
        }
        if (distance == Distance.JACCARD_OCCUPIED_BINS && epsilon.value() > 1.0) {
            throw new IllegalArgumentException("epsilon must be at most 1 for the occupied-bins (Jaccard) distance,"
                    + " the largest distance two sets of bins can have; got " + epsilon);
        }
    }

    /**
     * Clusters flows given by their histogram counts (each with at least one packet).
     *
     * @param histograms one histogram per flow, all with the same number of bins
     * @return labels, distances and similarities in input order, the group summaries and the radius used
     * @throws IllegalArgumentException if a histogram is null or empty of packets, has a negative count, or
     *         has another number of bins than the first
     */
    public ClusteringResult cluster(List<long[]> histograms) {
        FlowHistograms flows = FlowHistograms.of(histograms);

        Labelling labelling = distance == Distance.JACCARD_OCCUPIED_BINS ? bySets(flows) : byPercentages(flows);

        return CentroidMeasures.measure(flows, labelling.labels(), labelling.epsilon());
    }

    private Labelling bySets(FlowHistograms flows) {
        int bins = flows.bins();
        DistinctFeatures sets = DistinctFeatures.of(flows, minPackets, Math.max(1, (bins + 63) / 64),
                (flow, words) -> occupiedBins(flows.counts(flow), words));
        OccupiedBinsSearch sorted = OccupiedBinsSearch.sortingBySize(sets, bins);

        Epsilon used = epsilon.isAuto() ? AutoEpsilon.of(sorted, sets.weights()) : epsilon;
        RadiusSearch search = sorted.withRadius(new JaccardRadius(used.value(), bins));

        int[] pointLabels = WeightedDbscan.label(search, sets.weights(), sets.firstFlows(), minPoints);
        return new Labelling(flowLabels(sets, pointLabels, flows.size()), used);
    }

    private static void occupiedBins(long[] counts, long[] words) {
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] > 0) {
                words[bin >>> 6] |= 1L << bin;
            }
        }
    }

    private Labelling byPercentages(FlowHistograms flows) {
        int bins = flows.bins();
        double[] distribution = new double[bins];
        DistinctFeatures distributions = DistinctFeatures.of(flows, minPackets, Math.max(1, bins), (flow, words) -> {
            flows.percentages(flow, distribution);
            for (int bin = 0; bin < bins; bin++) {
                words[bin] = Double.doubleToRawLongBits(distribution[bin]);
            }
        });
        RadiusSearch search = PercentageSearch.sorting(distributions, bins, epsilon.value());

        int[] pointLabels = WeightedDbscan.label(search, distributions.weights(), distributions.firstFlows(),
                minPoints);
        return new Labelling(flowLabels(distributions, pointLabels, flows.size()), epsilon);
    }

    private static int[] flowLabels(DistinctFeatures points, int[] pointLabels, int flows) {
        int[] labels = new int[flows];
        for (int flow = 0; flow < flows; flow++) {
            int point = points.pointOf(flow);
            labels[flow] = point == DistinctFeatures.NOT_CLUSTERED ? ClusteringResult.UNCLUSTERED : pointLabels[point];
        }
        return labels;
    }

    public Distance distance() {
        return distance;
    }

    /** The neighbourhood radius asked for, inclusive; it may be {@link Epsilon#auto()}. */
    public Epsilon epsilon() {
        return epsilon;
    }

    /** Flows a core flow needs within the radius, itself included. */
    public int minPoints() {
        return minPoints;
    }

    /** Packets a flow needs to be clustered at all. */
    public int minPackets() {
        return minPackets;
    }

    private record Labelling(int[] labels, Epsilon epsilon) {
    }
}

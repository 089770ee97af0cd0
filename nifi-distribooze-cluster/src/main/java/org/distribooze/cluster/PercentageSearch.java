package org.distribooze.cluster;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Radius search over distinct percentage distributions, with Euclidean distance, that prunes without an index.
 * <p>
 * In 48 dimensions a KD-tree prunes almost nothing, and a cover tree must hand out every neighbour, where DBSCAN
 * mostly wants to skip neighbours already in its cluster before measuring them. Two cheap bounds prune instead,
 * both true because a projection on a unit vector, or the squared differences of a few bins, never exceed the
 * whole distance:
 * <ul>
 * <li>points are sorted by their projection on the direction along which they spread most ({@link MainAxis}),
 *     and a query walks only the points whose projection lies within the radius of its own (on distributions
 *     shaped like real traffic, about one pair in seven);</li>
 * <li>a candidate's squared differences are added up bin by bin, the most varying bins first (the first few read
 *     from arrays of their own, so the walk streams through memory), and it is dropped as soon as the sum passes
 *     the squared radius: most candidates are dropped after three bins.</li>
 * </ul>
 * Both tests keep a relative margin of 1e-9, so rounding can only keep a candidate, never drop a neighbour; a
 * candidate close to the radius is measured again exactly as {@link Euclidean#distance} measures it, bins in
 * their own order, so a pair exactly one radius apart is decided as scikit-learn and Smile decide it.
 */
final class PercentageSearch implements RadiusSearch {

    private static final double MARGIN = 1e-9;
    private static final int LEADING = 4;

    private final double[] keys;
    private final double[][] leading;
    private final double[] values;
    private final int bins;
    private final int[] rankOfBin;
    private final double radius;
    private final double reach;
    private final double surelyWithin;
    private final double surelyBeyond;

    private PercentageSearch(double[] keys, double[] values, int bins, int[] rankOfBin, double radius) {
        this.keys = keys;
        this.values = values;
        this.bins = bins;
        this.rankOfBin = rankOfBin;
        this.leading = leadingRanks(values, bins, keys.length);
        this.radius = radius;
        this.reach = radius * (1 + MARGIN) + MARGIN;
        double squared = radius * radius;
        this.surelyWithin = squared * (1 - MARGIN);
        this.surelyBeyond = squared * (1 + MARGIN) + Double.MIN_NORMAL;
    }

    /**
     * Sorts the distinct distributions along their main axis and builds the search.
     *
     * @param distributions vectors of {@code bins} words, each the raw bits of a percentage
     */
    static PercentageSearch sorting(DistinctFeatures distributions, int bins, double radius) {
        int n = distributions.size();
        double[] points = decode(distributions.vectors());
        double[] axis = MainAxis.of(points, bins, n);
        double[] projections = new double[n];
        for (int p = 0; p < n; p++) {
            for (int bin = 0; bin < bins; bin++) {
                projections[p] += axis[bin] * points[p * bins + bin];
            }
        }

        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(p -> projections[p]))
                .mapToInt(Integer::intValue).toArray();
        distributions.reorder(order);

        int[] rankOfBin = ranksByVariance(points, bins, n);
        double[] keys = new double[n];
        double[] values = new double[n * bins];
        for (int position = 0; position < n; position++) {
            int p = order[position];
            keys[position] = projections[p];
            for (int bin = 0; bin < bins; bin++) {
                values[position * bins + rankOfBin[bin]] = points[p * bins + bin];
            }
        }
        return new PercentageSearch(keys, values, bins, rankOfBin, radius);
    }

    private static double[] decode(long[] bits) {
        double[] points = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            points[i] = Double.longBitsToDouble(bits[i]);
        }
        return points;
    }

    // Rank 0 for the bin whose share varies most between the points, ties by bin.
    private static int[] ranksByVariance(double[] points, int bins, int n) {
        double[] sum = new double[bins];
        double[] sumOfSquares = new double[bins];
        for (int p = 0; p < n; p++) {
            for (int bin = 0; bin < bins; bin++) {
                double x = points[p * bins + bin];
                sum[bin] += x;
                sumOfSquares[bin] += x * x;
            }
        }
        double[] variance = new double[bins];
        for (int bin = 0; bin < bins && n > 0; bin++) {
            double mean = sum[bin] / n;
            variance[bin] = sumOfSquares[bin] / n - mean * mean;
        }

        int[] byVariance = IntStream.range(0, bins).boxed()
                .sorted(Comparator.comparingDouble((Integer bin) -> -variance[bin]).thenComparingInt(bin -> bin))
                .mapToInt(Integer::intValue).toArray();
        int[] rankOfBin = new int[bins];
        for (int rank = 0; rank < bins; rank++) {
            rankOfBin[byVariance[rank]] = rank;
        }
        return rankOfBin;
    }

    private static double[][] leadingRanks(double[] values, int bins, int n) {
        double[][] leading = new double[Math.min(LEADING, bins)][n];
        for (int rank = 0; rank < leading.length; rank++) {
            for (int p = 0; p < n; p++) {
                leading[rank][p] = values[p * bins + rank];
            }
        }
        return leading;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public void neighbours(int point, Visitor visitor) {
        if (visitor.wants(point) && !visitor.visit(point)) {
            return;
        }
        double key = keys[point];
        for (int q = point - 1; q >= 0 && key - keys[q] <= reach; q--) {
            if (visitor.wants(q) && within(point, q) && !visitor.visit(q)) {
                return;
            }
        }
        laterNeighbours(point, visitor);
    }

    @Override
    public void laterNeighbours(int point, Visitor visitor) {
        double key = keys[point];
        for (int q = point + 1; q < keys.length && keys[q] - key <= reach; q++) {
            if (visitor.wants(q) && within(point, q) && !visitor.visit(q)) {
                return;
            }
        }
    }

    private boolean within(int a, int b) {
        double sum = 0;
        for (double[] rank : leading) {
            double d = rank[a] - rank[b];
            sum += d * d;
            if (sum > surelyBeyond) {
                return false;
            }
        }

        int offsetA = a * bins;
        int offsetB = b * bins;
        for (int rank = leading.length; rank < bins; rank++) {
            double d = values[offsetA + rank] - values[offsetB + rank];
            sum += d * d;
            if (sum > surelyBeyond) {
                return false;
            }
        }
        return sum <= surelyWithin || exactlyWithin(offsetA, offsetB);
    }

    // The sum in the bins' own order, as the per-flow search adds it up.
    private boolean exactlyWithin(int offsetA, int offsetB) {
        double sum = 0;
        for (int bin = 0; bin < bins; bin++) {
            double d = values[offsetA + rankOfBin[bin]] - values[offsetB + rankOfBin[bin]];
            sum += d * d;
        }
        return Math.sqrt(sum) <= radius;
    }
}

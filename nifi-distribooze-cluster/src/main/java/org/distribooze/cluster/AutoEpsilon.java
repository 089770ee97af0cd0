package org.distribooze.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The automatic radius of the occupied-bins distance: how far a typical flow's set of bins lies from the nearest
 * other set.
 * <p>
 * For each distinct set, the distance to the nearest other distinct set (its twins do not count); the radius is
 * the smallest of those distances for which the sets at most that far from their nearest make up half of the
 * flows or more: a median weighted by flows, the lower one on a tie. It is capped at 1/2, where two sets share
 * no more than they differ. With fewer than two distinct sets it is 0. The result is an exact fraction of two bin
 * counts: on one recorded capture it is exactly 1/3, and a radius a hair smaller loses the clusters that need 1/3.
 * <p>
 * The search for the nearest set looks at the sizes in the order of the least distance a set of that size can have
 * from the set's own ({@code |s - t| / max(s, t)}, or {@code 2 / (s + 1)} for the same size), and stops at the first
 * size that cannot hold anything nearer than found.
 */
final class AutoEpsilon {

    private static final Epsilon NONE = Epsilon.fraction(0, 1);
    private static final Fraction CAP = new Fraction(1, 2);

    private AutoEpsilon() {
    }

    static Epsilon of(OccupiedBinsSearch sets, int[] weights) {
        int n = sets.size();
        if (n < 2) {
            return NONE;
        }

        TreeMap<Fraction, Long> flowsByNearest = new TreeMap<>();
        long total = 0;
        for (int p = 0; p < n; p++) {
            flowsByNearest.merge(nearestOther(sets, p), (long) weights[p], Long::sum);
            total += weights[p];
        }

        long atMost = 0;
        for (Map.Entry<Fraction, Long> entry : flowsByNearest.entrySet()) {
            atMost += entry.getValue();
            if (2 * atMost >= total) {
                Fraction median = entry.getKey().compareTo(CAP) > 0 ? CAP : entry.getKey();
                return Epsilon.fraction(median.numerator(), median.denominator());
            }
        }
        throw new IllegalStateException("the weights add up to " + total + " but the median was not reached");
    }

    /** The Jaccard distance from a point's set to the nearest other set, as a fraction. */
    static Fraction nearestOther(OccupiedBinsSearch sets, int point) {
        int size = sets.setSize(point);
        // Two different non-empty sets are never further apart than 1.
        Fraction best = new Fraction(1, 1);

        for (Fraction[] bound : boundsBySize(size, sets.maxSize())) {
            if (bound[0].compareTo(best) >= 0) {
                return best;
            }
            best = nearestOfSize(sets, point, bound[1].numerator(), best);
        }
        return best;
    }

    /*
     * Every size a set can have, each with the least distance a set of that size can lie from one of the given size,
     * nearest first: |s - t| / max(s, t) for another size (the smaller set inside the larger), 2 / (s + 1) for the
     * same size (one bin swapped for another). Pairs of {bound, size as a fraction over 1}.
     */
    private static List<Fraction[]> boundsBySize(int size, int maxSize) {
        List<Fraction[]> bounds = new ArrayList<>(maxSize);
        for (int other = 1; other <= maxSize; other++) {
            Fraction bound = other == size ? new Fraction(2, size + 1)
                    : new Fraction(Math.abs(other - size), Math.max(other, size));
            bounds.add(new Fraction[] {bound, new Fraction(other, 1)});
        }
        bounds.sort((a, b) -> a[0].compareTo(b[0]));
        return bounds;
    }

    private static Fraction nearestOfSize(OccupiedBinsSearch sets, int point, int size, Fraction best) {
        Fraction nearest = best;
        for (int q = sets.firstOfSize(size); q < sets.firstOfSize(size + 1); q++) {
            if (q != point) {
                int differing = sets.differing(point, q);
                int union = sets.union(point, q);
                if ((long) differing * nearest.denominator() < (long) nearest.numerator() * union) {
                    nearest = new Fraction(differing, union);
                }
            }
        }
        return nearest;
    }

    /** A distance {@code numerator / denominator}, compared exactly. */
    record Fraction(int numerator, int denominator) implements Comparable<Fraction> {

        @Override
        public int compareTo(Fraction other) {
            return Long.compare((long) numerator * other.denominator, (long) other.numerator * denominator);
        }
    }
}

package org.distribooze.cluster;

/**
 * Whether two sets of occupied bins are within a Jaccard radius, decided with integers: for each size of their
 * union, the most bins they may differ in. Two sets are neighbours when {@code differing / union}, divided in
 * double, is at most the radius. With at most a few thousand bins two different quotients lie much further apart
 * than a double's rounding, so for a radius made from a fraction this is the exact comparison of fractions.
 */
final class JaccardRadius {

    private final int[] mostDiffering;

    /**
     * @param radius 0 or more
     * @param bins the largest union there can be
     */
    JaccardRadius(double radius, int bins) {
        mostDiffering = new int[bins + 1];
        for (int union = 1; union <= bins; union++) {
            int differing = 0;
            while (differing < union && (double) (differing + 1) / union <= radius) {
                differing++;
            }
            mostDiffering[union] = differing;
        }
    }

    /** Whether two sets differing in {@code differing} of the {@code union} bins they occupy are neighbours. */
    boolean within(int differing, int union) {
        return differing <= mostDiffering[union];
    }

    /** Whether any set of size {@code a} can be a neighbour of one of size {@code b}: the smaller inside the other. */
    boolean sizesCanMeet(int a, int b) {
        int larger = Math.max(a, b);
        return within(larger - Math.min(a, b), larger);
    }
}

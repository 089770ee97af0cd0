package org.distribooze.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Radius search over distinct sets of occupied bins (bit masks), with Jaccard distance.
 * <p>
 * Two sets of sizes s and t are at least {@code |s - t| / max(s, t)} apart (the smaller one inside the larger),
 * so sets are sorted by size and a query only looks at the sizes that can meet its own: at radius 1/3 a set of 6
 * bins only meets sets of 4 to 9. A candidate costs an XOR, an OR and two bit counts per 64 bins.
 */
final class OccupiedBinsSearch implements RadiusSearch {

    private final long[] masks;
    private final int words;
    private final int[] sizes;
    private final int[] firstOfSize;
    private final int maxSize;
    private final JaccardRadius radius;

    private OccupiedBinsSearch(long[] masks, int words, int[] sizes, int[] firstOfSize, JaccardRadius radius) {
        this.masks = masks;
        this.words = words;
        this.sizes = sizes;
        this.firstOfSize = firstOfSize;
        this.maxSize = firstOfSize.length - 2;
        this.radius = radius;
    }

    /**
     * Sorts the distinct sets by size, smallest first (ties keep their order), and builds a search without a
     * radius yet: its sets can be measured, see {@link #withRadius}.
     *
     * @param bins bins per histogram, the largest a set can be
     */
    static OccupiedBinsSearch sortingBySize(DistinctFeatures sets, int bins) {
        int n = sets.size();
        int words = sets.words();
        int[] unsortedSizes = sizesOf(sets.vectors(), words, n);
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt(p -> unsortedSizes[p]))
                .mapToInt(Integer::intValue).toArray();
        sets.reorder(order);

        int[] sizes = sizesOf(sets.vectors(), words, n);
        int[] firstOfSize = new int[bins + 2];
        Arrays.fill(firstOfSize, n);
        for (int p = n - 1; p >= 0; p--) {
            firstOfSize[sizes[p]] = p;
        }
        for (int size = bins; size >= 0; size--) {
            firstOfSize[size] = Math.min(firstOfSize[size], firstOfSize[size + 1]);
        }
        return new OccupiedBinsSearch(sets.vectors(), words, sizes, firstOfSize, null);
    }

    /** The same sets, searched within the radius given. */
    OccupiedBinsSearch withRadius(JaccardRadius radius) {
        return new OccupiedBinsSearch(masks, words, sizes, firstOfSize, radius);
    }

    private static int[] sizesOf(long[] masks, int words, int n) {
        int[] sizes = new int[n];
        for (int p = 0; p < n; p++) {
            int size = 0;
            for (int w = 0; w < words; w++) {
                size += Long.bitCount(masks[p * words + w]);
            }
            sizes[p] = size;
        }
        return sizes;
    }

    @Override
    public int size() {
        return sizes.length;
    }

    /** Bins occupied by the point's set. */
    int setSize(int point) {
        return sizes[point];
    }

    /** Bins in which two points' sets differ, the XOR's size. */
    int differing(int a, int b) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(masks[a * words + w] ^ masks[b * words + w]);
        }
        return count;
    }

    /** Bins occupied by either point's set, the OR's size. */
    int union(int a, int b) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(masks[a * words + w] | masks[b * words + w]);
        }
        return count;
    }

    /** The first point whose set has {@code size} bins or more. */
    int firstOfSize(int size) {
        return firstOfSize[Math.min(Math.max(size, 0), maxSize + 1)];
    }

    int maxSize() {
        return maxSize;
    }

    @Override
    public void neighbours(int point, Visitor visitor) {
        int size = sizes[point];
        if (!scan(point, firstOfSize(size), firstOfSize(size + 1), visitor)) {
            return;
        }
        for (int other = size - 1; other >= 1 && radius.sizesCanMeet(size, other); other--) {
            if (!scan(point, firstOfSize(other), firstOfSize(other + 1), visitor)) {
                return;
            }
        }
        laterSizes(point, size, visitor);
    }

    @Override
    public void laterNeighbours(int point, Visitor visitor) {
        int size = sizes[point];
        if (scan(point, point + 1, firstOfSize(size + 1), visitor)) {
            laterSizes(point, size, visitor);
        }
    }

    private void laterSizes(int point, int size, Visitor visitor) {
        for (int other = size + 1; other <= maxSize && radius.sizesCanMeet(size, other); other++) {
            if (!scan(point, firstOfSize(other), firstOfSize(other + 1), visitor)) {
                return;
            }
        }
    }

    // False when the visitor asked to stop.
    private boolean scan(int point, int from, int to, Visitor visitor) {
        for (int candidate = from; candidate < to; candidate++) {
            if (visitor.wants(candidate) && radius.within(differing(point, candidate), union(point, candidate))
                    && !visitor.visit(candidate)) {
                return false;
            }
        }
        return true;
    }
}

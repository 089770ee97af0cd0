package org.distribooze.cluster;

import java.util.Arrays;

/**
 * DBSCAN over distinct feature vectors, each standing for all the flows that have it, giving exactly the
 * partition DBSCAN finds when every flow is a point of its own (scikit-learn's and Smile's).
 * <p>
 * Why it is the same partition, step by step, for a flow f whose vector is point p of weight w(p):
 * <ol>
 * <li>f's neighbours are the flows of every point within the radius of p, f and its twins included (they lie at
 *     distance 0). So f is a core flow exactly when the weights of the points within the radius of p, p's own
 *     included, add up to {@code minPoints} or more: core is a property of the point, shared by all its
 *     flows.</li>
 * <li>Clusters are the groups of core flows chained by steps within the radius: the connected components of
 *     the core points, since twins are always connected.</li>
 * <li>A flow that is not core but lies within the radius of core flows of two clusters depends on the order of
 *     the flows. Per flow, scikit-learn and Smile start clusters from core flows in input order and grow each
 *     completely before starting the next, and a border flow stays in the first cluster that reaches it: the
 *     cluster whose earliest core flow comes first. A point remembers the first flow that has its vector, so a
 *     cluster's earliest core flow is the smallest first flow of its core points, and a border point joins, of
 *     the clusters of the core points in its reach, the one with the smallest.</li>
 * <li>Clusters are then numbered 0, 1, ... in the order of their first flow in the input, core or border, as
 *     the per-flow labels are renumbered.</li>
 * </ol>
 * Three passes over the points: core weights (stopping at {@code minPoints}), unions of core points not yet
 * joined (later points only, skipping those already in the same cluster before measuring), and the border
 * points' choice. A point that is not core has fewer than {@code minPoints} neighbours, so the first pass keeps
 * their list (up to {@value #REMEMBERED} of them) and the third pass reads it instead of searching again; a point
 * with more asks the search, skipping core points whose cluster cannot beat the best so far. Nothing else about a
 * neighbourhood is stored.
 */
final class WeightedDbscan {

    static final int REMEMBERED = 64;

    private WeightedDbscan() {
    }

    /**
     * @param weights flows per point, in the search's order
     * @param firstFlows each point's first flow in input order, in the search's order
     * @return per point: its cluster, 0, 1, ... by first flow in input order, or {@link ClusteringResult#NOISE}
     */
    static int[] label(RadiusSearch search, int[] weights, int[] firstFlows, int minPoints) {
        int n = search.size();
        boolean[] core = new boolean[n];
        FewNeighbours fewNeighbours = corePoints(search, weights, minPoints, core);

        UnionFind clusters = joinCorePoints(search, core);
        int[] earliestCore = earliestCoreFlow(clusters, core, firstFlows);
        int[] root = new int[n];
        for (int p = 0; p < n; p++) {
            root[p] = core[p] ? clusters.find(p) : borderRoot(search, p, fewNeighbours, core, clusters, earliestCore);
        }

        return numberByFirstFlow(root, firstFlows);
    }

    private static FewNeighbours corePoints(RadiusSearch search, int[] weights, int minPoints, boolean[] core) {
        FewNeighbours fewNeighbours = new FewNeighbours(core.length);
        WeightWithin within = new WeightWithin(weights, minPoints);
        for (int p = 0; p < core.length; p++) {
            within.reset();
            search.neighbours(p, within);
            core[p] = within.sum >= minPoints;
            if (!core[p] && within.count <= REMEMBERED) {
                fewNeighbours.keep(p, within.neighbours, within.count);
            }
        }
        return fewNeighbours;
    }

    private static UnionFind joinCorePoints(RadiusSearch search, boolean[] core) {
        UnionFind clusters = new UnionFind(core.length);
        CoreJoiner joiner = new CoreJoiner(core, clusters);
        for (int p = 0; p < core.length; p++) {
            if (core[p]) {
                joiner.point = p;
                search.laterNeighbours(p, joiner);
            }
        }
        return clusters;
    }

    // Indexed by a cluster's root: the smallest first flow of its core points.
    private static int[] earliestCoreFlow(UnionFind clusters, boolean[] core, int[] firstFlows) {
        int[] earliest = new int[core.length];
        Arrays.fill(earliest, Integer.MAX_VALUE);
        for (int p = 0; p < core.length; p++) {
            if (core[p]) {
                int root = clusters.find(p);
                earliest[root] = Math.min(earliest[root], firstFlows[p]);
            }
        }
        return earliest;
    }

    private static int borderRoot(RadiusSearch search, int p, FewNeighbours fewNeighbours, boolean[] core,
                                  UnionFind clusters, int[] earliestCore) {
        BorderChoice choice = new BorderChoice(core, clusters, earliestCore);
        if (fewNeighbours.has(p)) {
            for (int i = fewNeighbours.start(p); i < fewNeighbours.end(p); i++) {
                int neighbour = fewNeighbours.neighbour(i);
                if (choice.wants(neighbour)) {
                    choice.visit(neighbour);
                }
            }
        } else {
            search.neighbours(p, choice);
        }
        return choice.root;
    }

    private static int[] numberByFirstFlow(int[] root, int[] firstFlows) {
        int n = root.length;
        int[] firstOfCluster = new int[n];
        Arrays.fill(firstOfCluster, Integer.MAX_VALUE);
        for (int p = 0; p < n; p++) {
            if (root[p] != ClusteringResult.NOISE) {
                firstOfCluster[root[p]] = Math.min(firstOfCluster[root[p]], firstFlows[p]);
            }
        }

        int clusters = 0;
        for (int first : firstOfCluster) {
            if (first != Integer.MAX_VALUE) {
                clusters++;
            }
        }
        long[] byFirstFlow = new long[clusters];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (firstOfCluster[r] != Integer.MAX_VALUE) {
                byFirstFlow[k++] = ((long) firstOfCluster[r] << 32) | r;
            }
        }
        Arrays.sort(byFirstFlow);

        int[] id = new int[n];
        for (int c = 0; c < clusters; c++) {
            id[(int) byFirstFlow[c]] = c;
        }
        int[] labels = new int[n];
        for (int p = 0; p < n; p++) {
            labels[p] = root[p] == ClusteringResult.NOISE ? ClusteringResult.NOISE : id[root[p]];
        }
        return labels;
    }

    /** Adds up the weights within the radius, stopping once they reach the minimum, and notes the first few. */
    private static final class WeightWithin implements RadiusSearch.Visitor {

        private final int[] weights;
        private final long minPoints;
        private final int[] neighbours = new int[REMEMBERED];
        private long sum;
        private int count;

        WeightWithin(int[] weights, int minPoints) {
            this.weights = weights;
            this.minPoints = minPoints;
        }

        void reset() {
            sum = 0;
            count = 0;
        }

        @Override
        public boolean wants(int candidate) {
            return true;
        }

        @Override
        public boolean visit(int neighbour) {
            if (count < REMEMBERED) {
                neighbours[count] = neighbour;
            }
            count++;
            sum += weights[neighbour];
            return sum < minPoints;
        }
    }

    /** The neighbours of the points that are not core, each list at most {@value #REMEMBERED} long. */
    private static final class FewNeighbours {

        private final int[] start;
        private final int[] end;
        private int[] neighbours = new int[256];
        private int size;

        FewNeighbours(int points) {
            start = new int[points];
            end = new int[points];
        }

        void keep(int point, int[] list, int count) {
            if (size + count > neighbours.length) {
                neighbours = Arrays.copyOf(neighbours, Math.max(size + count, neighbours.length * 2));
            }
            System.arraycopy(list, 0, neighbours, size, count);
            start[point] = size;
            size += count;
            end[point] = size;
        }

        // Every point is its own neighbour, so a kept list is never empty.
        boolean has(int point) {
            return end[point] > start[point];
        }

        int start(int point) {
            return start[point];
        }

        int end(int point) {
            return end[point];
        }

        int neighbour(int index) {
            return neighbours[index];
        }
    }

    /** Joins a core point with the later core points in its reach that are not in its cluster yet. */
    private static final class CoreJoiner implements RadiusSearch.Visitor {

        private final boolean[] core;
        private final UnionFind clusters;
        private int point;

        CoreJoiner(boolean[] core, UnionFind clusters) {
            this.core = core;
            this.clusters = clusters;
        }

        @Override
        public boolean wants(int candidate) {
            return core[candidate] && clusters.find(candidate) != clusters.find(point);
        }

        @Override
        public boolean visit(int neighbour) {
            clusters.union(point, neighbour);
            return true;
        }
    }

    /** Of the clusters of the core points in reach, keeps the one whose earliest core flow comes first. */
    private static final class BorderChoice implements RadiusSearch.Visitor {

        private final boolean[] core;
        private final UnionFind clusters;
        private final int[] earliestCore;
        private int root = ClusteringResult.NOISE;
        private int best = Integer.MAX_VALUE;

        BorderChoice(boolean[] core, UnionFind clusters, int[] earliestCore) {
            this.core = core;
            this.clusters = clusters;
            this.earliestCore = earliestCore;
        }

        @Override
        public boolean wants(int candidate) {
            return core[candidate] && earliestCore[clusters.find(candidate)] < best;
        }

        @Override
        public boolean visit(int neighbour) {
            root = clusters.find(neighbour);
            best = earliestCore[root];
            return true;
        }
    }
}

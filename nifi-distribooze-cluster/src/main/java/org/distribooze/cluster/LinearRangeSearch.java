package org.distribooze.cluster;

import java.util.List;
import smile.neighbor.Neighbor;
import smile.neighbor.RNNSearch;

/**
 * Finds every vector within a Euclidean radius of a query (the radius included) by comparing it with all
 * of them, on the calling thread.
 * <p>
 * Smile's own linear search fans out over the common fork-join pool, which a NiFi processor should not
 * occupy; and in 48 dimensions a KD-tree prunes almost nothing, so a plain scan is as fast.
 * The query itself is left out by reference, as Smile's searches do, because DBSCAN asks about the stored
 * vectors themselves and counts a point's neighbours without it. Twins stored in separate arrays do count
 * for each other.
 */
final class LinearRangeSearch implements RNNSearch<double[], double[]> {

    private final double[][] vectors;

    LinearRangeSearch(double[][] vectors) {
        this.vectors = vectors;
    }

    @Override
    public void search(double[] query, double radius, List<Neighbor<double[], double[]>> neighbors) {
        for (int i = 0; i < vectors.length; i++) {
            double[] candidate = vectors[i];
            if (candidate == query) {
                continue;
            }
            double distance = Euclidean.distance(query, candidate);
            if (distance <= radius) {
                neighbors.add(Neighbor.of(candidate, i, distance));
            }
        }
    }
}

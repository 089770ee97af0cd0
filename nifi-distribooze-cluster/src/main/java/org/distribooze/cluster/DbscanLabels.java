package org.distribooze.cluster;

import java.util.Arrays;
import smile.clustering.Clustering;
import smile.clustering.DBSCAN;

/**
 * Runs Smile's DBSCAN and translates its labels into ours: noise {@value ClusteringResult#NOISE}, clusters
 * numbered 0, 1, ... by the first flow of each in input order.
 * <p>
 * Smile counts a point's neighbours without the point, so its {@code minPts} is our {@code minPoints - 1}.
 * Smile refuses {@code minPts} 0, so {@code minPoints} 1 runs with {@code minPts} 1 instead: that finds every
 * point with at least one neighbour as core, the same clusters, and leaves as noise exactly the points with
 * no neighbour at all. With {@code minPoints} 1 such a point is a core point alone, so each becomes a
 * cluster of its own.
 * <p>
 * Smile hands a border point (within the radius of core points of two clusters) to the first cluster that
 * reaches it, and starts clusters from core points in input order, as scikit-learn does: both give the
 * same partition.
 */
final class DbscanLabels {

    private final double epsilon;
    private final int minPoints;

    DbscanLabels(double epsilon, int minPoints) {
        this.epsilon = epsilon;
        this.minPoints = minPoints;
    }

    int[] label(double[][] vectors) {
        if (vectors.length == 0) {
            return new int[0];
        }

        int minPts = Math.max(1, minPoints - 1);
        int[] smileLabels = DBSCAN.fit(vectors, new LinearRangeSearch(vectors), minPts, epsilon).group();

        return renumber(smileLabels, minPoints == 1);
    }

    private static int[] renumber(int[] smileLabels, boolean loneFlowsAreClusters) {
        int[] labels = new int[smileLabels.length];
        int[] ours = new int[smileLabels.length];
        Arrays.fill(ours, -1);
        int next = 0;

        for (int i = 0; i < smileLabels.length; i++) {
            int smile = smileLabels[i];
            if (smile == Clustering.OUTLIER) {
                labels[i] = loneFlowsAreClusters ? next++ : ClusteringResult.NOISE;
            } else {
                if (ours[smile] < 0) {
                    ours[smile] = next++;
                }
                labels[i] = ours[smile];
            }
        }

        return labels;
    }
}

package org.distribooze.cluster;

import java.util.Arrays;
import java.util.List;
import smile.clustering.Clustering;
import smile.clustering.DBSCAN;

/**
 * The per-flow reference for the Euclidean mode: Smile's DBSCAN with every flow a point of its own, on the
 * flows' percentage distributions, labels translated into ours (noise -1, clusters 0, 1, ... by first flow).
 * <p>
 * Smile counts a point's neighbours without the point, so its {@code minPts} is our {@code minPoints - 1}.
 * Smile refuses {@code minPts} 0, so {@code minPoints} 1 runs with {@code minPts} 1 instead: that finds every
 * point with at least one neighbour as core, the same clusters, and leaves as noise exactly the points with no
 * neighbour at all, which with {@code minPoints} 1 are clusters of their own.
 */
final class SmilePerFlow {

    private SmilePerFlow() {
    }

    static int[] dbscan(List<long[]> histograms, double epsilon, int minPoints) {
        if (histograms.isEmpty()) {
            return new int[0];
        }
        double[][] vectors = new double[histograms.size()][];
        for (int i = 0; i < vectors.length; i++) {
            long[] counts = histograms.get(i);
            long packets = Arrays.stream(counts).sum();
            vectors[i] = new double[counts.length];
            for (int bin = 0; bin < counts.length; bin++) {
                vectors[i][bin] = counts[bin] * 100.0 / packets;
            }
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

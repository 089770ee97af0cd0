package org.distribooze.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a clustering matches known classes, from their contingency table, as scikit-learn defines the scores:
 * <ul>
 * <li><b>homogeneity</b>: 1 when every cluster holds one class only (1 - H(class | cluster) / H(class));</li>
 * <li><b>completeness</b>: 1 when every class lies in one cluster only (1 - H(cluster | class) / H(cluster));</li>
 * <li><b>adjusted Rand index</b>: agreement over all pairs of flows (same group in both, or apart in both),
 *     corrected for chance: 1 for the same partition, about 0 for a random one;</li>
 * <li><b>purity</b>: the share of flows that belong to their cluster's most common class.</li>
 * </ul>
 * Entropies use natural logarithms, as scikit-learn's do; a single class gives homogeneity 1, a single cluster
 * completeness 1.
 *
 * @param homogeneity 0 to 1
 * @param completeness 0 to 1
 * @param adjustedRand up to 1
 * @param purity 0 to 1
 */
record ClusterScores(double homogeneity, double completeness, double adjustedRand, double purity) {

    /**
     * @param classes each flow's known class
     * @param clusters each flow's cluster, in the same order; every distinct value is one cluster
     */
    static <C, K> ClusterScores of(List<C> classes, List<K> clusters) {
        if (classes.size() != clusters.size()) {
            throw new IllegalArgumentException(classes.size() + " classes for " + clusters.size() + " flows");
        }
        Contingency table = Contingency.of(classes, clusters);
        if (table.n == 0) {
            return new ClusterScores(1, 1, 1, 1);
        }

        double classEntropy = entropy(table.classSizes.values(), table.n);
        double clusterEntropy = entropy(table.clusterSizes.values(), table.n);
        double mutualInformation = mutualInformation(table);
        double homogeneity = classEntropy == 0 ? 1 : mutualInformation / classEntropy;
        double completeness = clusterEntropy == 0 ? 1 : mutualInformation / clusterEntropy;

        return new ClusterScores(homogeneity, completeness, adjustedRand(table), purity(table));
    }

    private static double entropy(Iterable<Long> sizes, long n) {
        double entropy = 0;
        for (long size : sizes) {
            double p = (double) size / n;
            entropy -= p * Math.log(p);
        }
        return entropy;
    }

    private static double mutualInformation(Contingency table) {
        double information = 0;
        for (Map.Entry<Cell, Long> cell : table.cells.entrySet()) {
            double joint = (double) cell.getValue() / table.n;
            double classShare = (double) table.classSizes.get(cell.getKey().klass()) / table.n;
            double clusterShare = (double) table.clusterSizes.get(cell.getKey().cluster()) / table.n;
            information += joint * Math.log(joint / (classShare * clusterShare));
        }
        return Math.max(0, information);
    }

    /*
     * Over ordered pairs of distinct flows: together in both (tp), together in the classes only (fn), together in
     * the clusters only (fp), apart in both (tn); the adjusted index is 2 (tp tn - fn fp) divided by
     * (tp + fn)(fn + tn) + (tp + fp)(fp + tn), and 1 when neither kind of disagreement occurs.
     */
    private static double adjustedRand(Contingency table) {
        double n = table.n;
        double sumOfSquares = 0;
        for (long count : table.cells.values()) {
            sumOfSquares += (double) count * count;
        }
        double classPairs = 0;
        for (long size : table.classSizes.values()) {
            classPairs += (double) size * size;
        }
        double clusterPairs = 0;
        for (long size : table.clusterSizes.values()) {
            clusterPairs += (double) size * size;
        }

        double tp = sumOfSquares - n;
        double fn = classPairs - sumOfSquares;
        double fp = clusterPairs - sumOfSquares;
        double tn = n * n - fn - fp - sumOfSquares;
        if (fn == 0 && fp == 0) {
            return 1;
        }
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    private static double purity(Contingency table) {
        Map<Object, Long> largestClassIn = new HashMap<>();
        for (Map.Entry<Cell, Long> cell : table.cells.entrySet()) {
            largestClassIn.merge(cell.getKey().cluster(), cell.getValue(), Math::max);
        }
        long pure = 0;
        for (long count : largestClassIn.values()) {
            pure += count;
        }
        return (double) pure / table.n;
    }

    private record Cell(Object klass, Object cluster) {
    }

    /** Flows per class, per cluster, and per (class, cluster) pair that occurs. */
    private static final class Contingency {

        private final Map<Cell, Long> cells = new HashMap<>();
        private final Map<Object, Long> classSizes = new HashMap<>();
        private final Map<Object, Long> clusterSizes = new HashMap<>();
        private long n;

        static Contingency of(List<?> classes, List<?> clusters) {
            Contingency table = new Contingency();
            for (int i = 0; i < classes.size(); i++) {
                table.cells.merge(new Cell(classes.get(i), clusters.get(i)), 1L, Long::sum);
                table.classSizes.merge(classes.get(i), 1L, Long::sum);
                table.clusterSizes.merge(clusters.get(i), 1L, Long::sum);
                table.n++;
            }
            return table;
        }
    }
}

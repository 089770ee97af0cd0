package org.distribooze.cluster;

import java.util.List;
import java.util.Objects;

/**
 * Each flow's packet-length histogram turned into percentages of its packets, the vectors DBSCAN clusters.
 * Every vector is its own array: the neighbour search tells a flow from its twins by reference.
 */
final class PercentDistributions {

    private final double[][] vectors;
    private final long[] packets;

    private PercentDistributions(double[][] vectors, long[] packets) {
        this.vectors = vectors;
        this.packets = packets;
    }

    /**
     * Checks the histograms and converts them.
     *
     * @throws IllegalArgumentException if a histogram is null, has no packets, has a negative count, has a
     *         different number of bins than the first one, or holds more packets than a long can count
     */
    static PercentDistributions of(List<long[]> histograms) {
        Objects.requireNonNull(histograms, "histograms");
        int n = histograms.size();
        double[][] vectors = new double[n][];
        long[] packets = new long[n];

        for (int i = 0; i < n; i++) {
            long[] counts = histograms.get(i);
            checkShape(histograms, i, counts);
            packets[i] = packetsOf(i, counts);
            vectors[i] = percentages(counts, packets[i]);
        }

        return new PercentDistributions(vectors, packets);
    }

    private static void checkShape(List<long[]> histograms, int i, long[] counts) {
        if (counts == null) {
            throw new IllegalArgumentException("histogram " + i + " is null");
        }
        int bins = histograms.get(0).length;
        if (counts.length != bins) {
            throw new IllegalArgumentException("histogram " + i + " has " + counts.length
                    + " bins but histogram 0 has " + bins + ": all flows must be binned alike");
        }
    }

    private static long packetsOf(int i, long[] counts) {
        long sum = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            if (counts[bin] < 0) {
                throw new IllegalArgumentException("histogram " + i + " has a negative count "
                        + counts[bin] + " in bin " + bin);
            }
            try {
                sum = Math.addExact(sum, counts[bin]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("histogram " + i + " holds more packets than "
                        + Long.MAX_VALUE, e);
            }
        }
        if (sum == 0) {
            throw new IllegalArgumentException("histogram " + i + " has no packets: a flow without packets"
                    + " has no distribution");
        }
        return sum;
    }

    // Multiply before dividing, in double: the same operations, in the same order, as the reference.
    private static double[] percentages(long[] counts, long packets) {
        double[] percent = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            percent[bin] = counts[bin] * 100.0 / packets;
        }
        return percent;
    }

    int size() {
        return vectors.length;
    }

    /** The percentage vectors in input order; callers must not modify them. */
    double[][] vectors() {
        return vectors;
    }

    /** Packets of each flow, in input order; callers must not modify them. */
    long[] packets() {
        return packets;
    }
}

package org.distribooze.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The flows' histograms, checked, with each flow's packets. Percentages are worked out when asked for, never
 * stored per flow: a million flows must not cost a million arrays beyond their histograms.
 */
final class FlowHistograms {

    private final List<long[]> histograms;
    private final long[] packets;
    private final int bins;

    private FlowHistograms(List<long[]> histograms, long[] packets, int bins) {
        this.histograms = histograms;
        this.packets = packets;
        this.bins = bins;
    }

    /**
     * Checks the histograms.
     *
     * @throws IllegalArgumentException if a histogram is null, has no packets, has a negative count, has a
     *         different number of bins than the first one, or holds more packets than a long can count
     */
    static FlowHistograms of(List<long[]> histograms) {
        Objects.requireNonNull(histograms, "histograms");
        int n = histograms.size();
        long[] packets = new long[n];

        for (int i = 0; i < n; i++) {
            long[] counts = histograms.get(i);
            checkShape(histograms, i, counts);
            packets[i] = packetsOf(i, counts);
        }

        int bins = n == 0 ? 0 : histograms.get(0).length;
        return new FlowHistograms(histograms, packets, bins);
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

    int size() {
        return packets.length;
    }

    int bins() {
        return bins;
    }

    long[] counts(int flow) {
        return histograms.get(flow);
    }

    long packets(int flow) {
        return packets[flow];
    }

    /**
     * Writes the flow's distribution in percent into {@code into}: multiplied before divided, in double, the
     * same operations in the same order as the reference, so flows whose counts are in the same proportions get
     * the very same doubles.
     */
    void percentages(int flow, double[] into) {
        long[] counts = histograms.get(flow);
        long total = packets[flow];
        for (int bin = 0; bin < bins; bin++) {
            into[bin] = counts[bin] * 100.0 / total;
        }
    }
}

package org.distribooze.flow;

/**
 * Packet-length bins: {@code width} bytes wide from 0; bins {@code 0 .. maxLength/width - 1} cover
 * {@code 0 .. maxLength - 1} and one last bin holds every length of {@code maxLength} or more.
 * With the defaults (32, 1504) that is 48 bins, bin 47 holding lengths of 1504 and up.
 */
public record Binning(int width, int maxLength) {

    public static final int DEFAULT_WIDTH = 32;
    public static final int DEFAULT_MAX_LENGTH = 1504;
    public static final Binning DEFAULT = new Binning(DEFAULT_WIDTH, DEFAULT_MAX_LENGTH);
    /** Every flow keeps one counter per bin, so the bin count bounds the memory a flow costs. */
    public static final int MAX_BINS = 2048;

    public Binning {
        if (width < 1) {
            throw new IllegalArgumentException("bin width must be at least 1 byte, got " + width);
        }
        if (maxLength < width || maxLength % width != 0) {
            throw new IllegalArgumentException(
                    "maximum length must be a positive multiple of the bin width " + width + ", got " + maxLength);
        }
        if (maxLength / width + 1 > MAX_BINS) {
            throw new IllegalArgumentException("bin width " + width + " and maximum length " + maxLength + " make "
                    + (maxLength / width + 1) + " bins; at most " + MAX_BINS + " are allowed");
        }
    }

    /** How many bins a histogram has, the overflow bin included. */
    public int binCount() {
        return maxLength / width + 1;
    }

    /** The bin an IP length falls in. */
    public int binOf(long ipLength) {
        long bin = ipLength / width;
        int last = maxLength / width;
        return bin >= last ? last : (int) bin;
    }
}

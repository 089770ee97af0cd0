package org.distribooze.flow;

/**
 * {@link Binning#binOf} for the per-packet path: a shift when the bin width is a power of two (32 by default),
 * a 32-bit division otherwise, instead of a 64-bit division per packet.
 */
final class BinFinder {

    private static final int NOT_A_POWER_OF_TWO = -1;

    private final int width;
    private final int shift;
    private final int maxLength;
    private final int lastBin;

    private BinFinder(Binning binning) {
        this.width = binning.width();
        this.shift = Integer.bitCount(width) == 1 ? Integer.numberOfTrailingZeros(width) : NOT_A_POWER_OF_TWO;
        this.maxLength = binning.maxLength();
        this.lastBin = binning.binCount() - 1;
    }

    static BinFinder of(Binning binning) {
        return new BinFinder(binning);
    }

    int binOf(long ipLength) {
        if (ipLength >= maxLength) {
            return lastBin;
        }
        int length = (int) ipLength;
        return shift == NOT_A_POWER_OF_TWO ? length / width : length >>> shift;
    }
}

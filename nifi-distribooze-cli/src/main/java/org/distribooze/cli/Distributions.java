package org.distribooze.cli;

import java.util.Locale;
import java.util.StringJoiner;

import org.distribooze.flow.Binning;

/**
 * Writes a percentage distribution compactly: only the bins that hold something, each as its byte
 * range and share, e.g. {@code 32-63:95.1% 128-159:4.9% 1504+:3.0%}.
 */
final class Distributions {

    /** Shares below this would print as 0.0%, which reads as empty: they print as {@code <0.1%}. */
    private static final double SMALLEST_PRINTED = 0.05;

    private final Binning binning;

    Distributions(Binning binning) {
        this.binning = binning;
    }

    String format(double[] percentages) {
        if (percentages.length != binning.binCount()) {
            throw new IllegalArgumentException(
                    "expected " + binning.binCount() + " bins, got " + percentages.length);
        }

        StringJoiner line = new StringJoiner(" ");
        for (int bin = 0; bin < percentages.length; bin++) {
            if (percentages[bin] != 0.0) {
                line.add(rangeOf(bin) + ":" + share(percentages[bin]));
            }
        }
        return line.toString();
    }

    /** The IP lengths a bin holds: {@code 32-63}, or {@code 1504+} for the last, open-ended one. */
    String rangeOf(int bin) {
        int low = bin * binning.width();
        if (bin == binning.binCount() - 1) {
            return low + "+";
        }
        return low + "-" + (low + binning.width() - 1);
    }

    private static String share(double percent) {
        if (percent < SMALLEST_PRINTED) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}

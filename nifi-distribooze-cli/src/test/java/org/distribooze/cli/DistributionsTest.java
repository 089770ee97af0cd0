package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.distribooze.flow.Binning;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    private final Distributions distributions = new Distributions(Binning.DEFAULT);

    @Test
    void givenThreeBinsUsed_whenFormatted_thenOnlyThoseAppearWithTheirByteRanges() {
        double[] percentages = new double[48];
        percentages[0] = 12.5;
        percentages[1] = 84.5;
        percentages[47] = 3.0;

        assertEquals("0-31:12.5% 32-63:84.5% 1504+:3.0%", distributions.format(percentages));
    }

    @Test
    void givenTinyShare_whenFormatted_thenItIsShownAsBelowOneTenthRatherThanZero() {
        double[] percentages = new double[48];
        percentages[46] = 99.99;
        percentages[2] = 0.01;

        assertEquals("64-95:<0.1% 1472-1503:100.0%", distributions.format(percentages));
    }

    @Test
    void givenNarrowBins_whenRangesAsked_thenTheyFollowTheBinning() {
        Distributions byTens = new Distributions(new Binning(10, 30));

        assertEquals("0-9", byTens.rangeOf(0));
        assertEquals("20-29", byTens.rangeOf(2));
        assertEquals("30+", byTens.rangeOf(3));
    }

    @Test
    void givenWrongBinCount_whenFormatted_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> distributions.format(new double[47]));
    }
}

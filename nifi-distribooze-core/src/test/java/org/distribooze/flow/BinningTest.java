package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinningTest {

    @Test
    void givenDefaults_whenBinned_thenBin46EndsAt1503AndBin47HoldsTheRest() {
        assertEquals(48, Binning.DEFAULT.binCount());
        assertEquals(0, Binning.DEFAULT.binOf(31));
        assertEquals(1, Binning.DEFAULT.binOf(32));
        assertEquals(46, Binning.DEFAULT.binOf(1503));
        assertEquals(47, Binning.DEFAULT.binOf(1504));
        assertEquals(47, Binning.DEFAULT.binOf(80_052));
    }

    @Test
    void givenMaximumLengthNotAMultipleOfTheWidth_whenMade_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Binning(32, 1500));
        assertThrows(IllegalArgumentException.class, () -> new Binning(0, 1504));
    }

    @Test
    void givenMoreThanTheMostBins_whenMade_thenRejected() {
        assertEquals(Binning.MAX_BINS, new Binning(1, Binning.MAX_BINS - 1).binCount());
        assertThrows(IllegalArgumentException.class, () -> new Binning(1, Binning.MAX_BINS));
    }
}

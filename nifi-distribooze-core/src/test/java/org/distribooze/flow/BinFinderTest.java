package org.distribooze.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinFinderTest {

    @Test
    void givenTheDefaultBinning_thenBoundariesFallAsThe48BinsSay() {
        BinFinder bins = BinFinder.of(Binning.DEFAULT);

        assertEquals(0, bins.binOf(0));
        assertEquals(0, bins.binOf(31));
        assertEquals(1, bins.binOf(32));
        assertEquals(46, bins.binOf(1503));
        assertEquals(47, bins.binOf(1504));
        assertEquals(47, bins.binOf(65_575));
    }

    @Test
    void givenAWidthThatIsNotAPowerOfTwo_thenBoundariesFallOnItsMultiples() {
        BinFinder bins = BinFinder.of(new Binning(500, 1500));

        assertEquals(0, bins.binOf(499));
        assertEquals(1, bins.binOf(500));
        assertEquals(2, bins.binOf(1499));
        assertEquals(3, bins.binOf(1500));
    }

    @Test
    void givenSeveralBinnings_thenEveryLengthLandsWhereBinningSays() {
        for (Binning binning : new Binning[] {Binning.DEFAULT, new Binning(64, 1536), new Binning(500, 1500),
                new Binning(1, 1), new Binning(100, 65_500)}) {
            BinFinder bins = BinFinder.of(binning);
            for (long length = 0; length <= 70_000; length++) {
                assertEquals(binning.binOf(length), bins.binOf(length), binning + " length " + length);
            }
            assertEquals(binning.binOf(1L << 40), bins.binOf(1L << 40), binning + " a jumbogram's length");
        }
    }
}

package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowClustererValidationTest {

    private final FlowClusterer clusterer = new FlowClusterer(FlowClusterer.DEFAULT_EPSILON,
            FlowClusterer.DEFAULT_MIN_POINTS);

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void givenEpsilonNotFinitePositive_whenConstructed_thenRejectedNamingIt(double epsilon) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FlowClusterer(epsilon, 5));

        assertMessageHas(e, "epsilon", String.valueOf(epsilon));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void givenMinPointsBelowOne_whenConstructed_thenRejectedNamingIt(int minPoints) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FlowClusterer(8, minPoints));

        assertMessageHas(e, "minPoints", String.valueOf(minPoints));
    }

    @Test
    void givenSmallestValidSettings_whenConstructed_thenKept() {
        FlowClusterer smallest = new FlowClusterer(Double.MIN_VALUE, 1);

        assertEquals(Double.MIN_VALUE, smallest.epsilon());
        assertEquals(1, smallest.minPoints());
    }

    @Test
    void givenHistogramWithoutPackets_whenClustered_thenRejectedNamingIt() {
        List<long[]> flows = List.of(new long[] {1, 2}, new long[] {0, 0});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(flows));

        assertMessageHas(e, "histogram 1", "no packets");
    }

    @Test
    void givenNegativeCount_whenClustered_thenRejectedNamingBinAndCount() {
        List<long[]> flows = List.of(new long[] {5, 2, -1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(flows));

        assertMessageHas(e, "histogram 0", "negative", "-1", "bin 2");
    }

    @Test
    void givenHistogramsOfUnequalLength_whenClustered_thenRejectedWithBothLengths() {
        List<long[]> flows = List.of(new long[48], new long[48], new long[] {1, 1, 1});
        flows.get(0)[3] = 1;
        flows.get(1)[3] = 1;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(flows));

        assertMessageHas(e, "histogram 2", "3 bins", "48");
    }

    @Test
    void givenNullHistogram_whenClustered_thenRejectedNamingIt() {
        List<long[]> flows = Arrays.asList(new long[] {1}, null);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(flows));

        assertMessageHas(e, "histogram 1", "null");
    }

    @Test
    void givenPacketsBeyondLong_whenClustered_thenRejected() {
        List<long[]> flows = List.of(new long[] {Long.MAX_VALUE, 1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clusterer.cluster(flows));

        assertMessageHas(e, "histogram 0");
    }

    @Test
    void givenNullList_whenClustered_thenNullPointerException() {
        assertThrows(NullPointerException.class, () -> clusterer.cluster(null));
    }

    private static void assertMessageHas(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
        }
    }
}

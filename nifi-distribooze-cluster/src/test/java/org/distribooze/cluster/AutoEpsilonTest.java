package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The automatic radius on sets worked out by hand, nine bins, every flow of at least 4 packets:
 * <pre>
 * S1 {0, 1}         nearest S2, 1/3 (one bin of three)
 * S2 {0, 1, 2}      nearest S1, 1/3
 * S3 {5}            nearest S4, 3/4 (S3 inside S4: three bins of four); S1 and S2 are 1 away
 * S4 {5, 6, 7, 8}   nearest S3, 3/4
 * </pre>
 * The radius is the smallest nearest distance reached by half the flows or more, at most 1/2.
 */
class AutoEpsilonTest {

    private static final long[] S1 = {2, 2, 0, 0, 0, 0, 0, 0, 0};
    private static final long[] S2 = {2, 1, 1, 0, 0, 0, 0, 0, 0};
    private static final long[] S3 = {0, 0, 0, 0, 0, 4, 0, 0, 0};
    private static final long[] S4 = {0, 0, 0, 0, 0, 1, 1, 1, 1};

    @Test
    void givenMostFlowsOneThirdFromTheirNearest_whenAuto_thenOneThird() {
        // 1/3 for S1 x3 and S2 x1: 4 of 7 flows.
        List<long[]> flows = flows(3, 1, 2, 1);

        assertEquals(Epsilon.fraction(1, 3), auto(flows).epsilon());
    }

    @Test
    void givenExactlyHalfTheFlowsAtOneThird_whenAuto_thenTheLowerMedian() {
        // 4 of 8 flows at 1/3, 4 at 3/4.
        List<long[]> flows = flows(3, 1, 3, 1);

        assertEquals(Epsilon.fraction(1, 3), auto(flows).epsilon());
    }

    @Test
    void givenMostFlowsFarFromTheirNearest_whenAuto_thenCappedAtOneHalf() {
        // 4 of 10 flows at 1/3, then 3/4, above the cap.
        List<long[]> flows = flows(3, 1, 5, 1);

        assertEquals(Epsilon.fraction(1, 2), auto(flows).epsilon());
    }

    @Test
    void givenOneSet_whenAuto_thenZeroAndOnlyTwinsAreNeighbours() {
        List<long[]> ten = Collections.nCopies(10, S1);
        List<long[]> nine = Collections.nCopies(9, S1);

        assertEquals(Epsilon.fraction(0, 1), auto(ten).epsilon());
        assertArrayEquals(new int[10], auto(ten).labels());
        assertArrayEquals(Collections.nCopies(9, -1).stream().mapToInt(Integer::intValue).toArray(),
                auto(nine).labels());
    }

    @Test
    void givenShortFlows_whenAuto_thenTheyDoNotMoveTheRadius() {
        // Ten 3-packet flows {4}, 1 from every other set: counted, they would push the median to the cap.
        List<long[]> flows = flows(3, 1, 2, 1);
        for (int i = 0; i < 10; i++) {
            flows.add(new long[] {0, 0, 0, 0, 3, 0, 0, 0, 0});
        }

        ClusteringResult result = auto(flows);

        assertEquals(Epsilon.fraction(1, 3), result.epsilon());
        assertEquals(-2, result.labels()[flows.size() - 1]);
    }

    @Test
    void givenNoFlows_whenAuto_thenZero() {
        ClusteringResult result = auto(List.of());

        assertEquals(Epsilon.fraction(0, 1), result.epsilon());
        assertEquals(0, result.labels().length);
    }

    private static ClusteringResult auto(List<long[]> flows) {
        return FlowClusterer.withDefaults(Distance.JACCARD_OCCUPIED_BINS).cluster(flows);
    }

    private static List<long[]> flows(int s1, int s2, int s3, int s4) {
        List<long[]> flows = new ArrayList<>();
        flows.addAll(Collections.nCopies(s1, S1));
        flows.addAll(Collections.nCopies(s2, S2));
        flows.addAll(Collections.nCopies(s3, S3));
        flows.addAll(Collections.nCopies(s4, S4));
        return flows;
    }
}

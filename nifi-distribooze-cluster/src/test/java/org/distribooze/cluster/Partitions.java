package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;

/** Compares two labellings as partitions: the same groups of flows, whatever the numbers, noise as noise. */
final class Partitions {

    private Partitions() {
    }

    static void assertSamePartition(int[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of flows");
        Map<Integer, Integer> forward = new HashMap<>();
        Map<Integer, Integer> backward = new HashMap<>();

        for (int i = 0; i < expected.length; i++) {
            if ((expected[i] == ClusteringResult.NOISE) != (actual[i] == ClusteringResult.NOISE)) {
                fail(what + ": flow " + i + " is labelled " + actual[i] + ", expected " + expected[i]
                        + " (noise must stay noise)");
            }
            forward.putIfAbsent(expected[i], actual[i]);
            backward.putIfAbsent(actual[i], expected[i]);
            int matched = forward.get(expected[i]);
            int matchedBack = backward.get(actual[i]);
            if (matched != actual[i] || matchedBack != expected[i]) {
                fail(what + ": the groups differ at flow " + i + ", labelled " + actual[i] + " where "
                        + expected[i] + " was expected; earlier flows paired " + expected[i] + " with "
                        + matched + " and " + actual[i] + " with " + matchedBack);
            }
        }
    }
}

package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.neighbor.Neighbor;

class LinearRangeSearchTest {

    // 0 -> 1: 3-4-5 triangle, 5 apart; 0 -> 2: 10 apart; 3 is a twin of 0 in an array of its own.
    private final double[][] points = {{0, 0}, {3, 4}, {6, 8}, {0, 0}};
    private final LinearRangeSearch search = new LinearRangeSearch(points);

    @Test
    void givenStoredQuery_whenSearched_thenItselfLeftOutButItsTwinFound() {
        List<Neighbor<double[], double[]>> neighbors = new ArrayList<>();

        search.search(points[0], 1, neighbors);

        assertEquals(List.of(3), indices(neighbors));
        assertEquals(0.0, neighbors.get(0).distance());
    }

    @Test
    void givenPointOnTheRadius_whenSearched_thenIncluded() {
        List<Neighbor<double[], double[]>> neighbors = new ArrayList<>();

        search.search(points[0], 5, neighbors);

        assertEquals(List.of(1, 3), indices(neighbors));
        assertEquals(5.0, neighbors.get(0).distance());
    }

    @Test
    void givenPointJustOutside_whenSearched_thenLeftOut() {
        List<Neighbor<double[], double[]>> neighbors = new ArrayList<>();

        search.search(points[0], Math.nextDown(5.0), neighbors);

        assertEquals(List.of(3), indices(neighbors));
    }

    @Test
    void givenQueryFromOutside_whenSearched_thenEveryPointInReachCounts() {
        List<Neighbor<double[], double[]>> neighbors = new ArrayList<>();

        search.search(new double[] {0, 0}, 10, neighbors);

        assertEquals(List.of(0, 1, 2, 3), indices(neighbors));
    }

    private static List<Integer> indices(List<Neighbor<double[], double[]>> neighbors) {
        return neighbors.stream().map(Neighbor::index).toList();
    }
}

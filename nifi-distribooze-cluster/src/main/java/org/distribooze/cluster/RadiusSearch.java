package org.distribooze.cluster;

/**
 * Finds the distinct points within the radius of one of them, the radius included. Points are numbered in the
 * search's own order, and nothing about a neighbourhood is stored: each question is answered by a fresh scan, so
 * memory stays bounded by the points, never by the sum of their neighbourhoods.
 */
interface RadiusSearch {

    /** Answers about one candidate or neighbour at a time; the search asks {@link #wants} before measuring. */
    interface Visitor {

        /** Whether the candidate is worth measuring at all: a cheap test that spares the distance. */
        boolean wants(int candidate);

        /** Called for a neighbour; returning false ends the visit. */
        boolean visit(int neighbour);
    }

    int size();

    /** Visits every point within the radius of {@code point}, the point itself included. */
    void neighbours(int point, Visitor visitor);

    /** Visits the points within the radius that come after {@code point} in the search's order. */
    void laterNeighbours(int point, Visitor visitor);
}

package org.distribooze.cli;

import org.distribooze.cluster.Distance;

/** The {@code --distance} choices: what flows are compared by. */
enum DistanceChoice {
    JACCARD(Distance.JACCARD_OCCUPIED_BINS),
    EUCLIDEAN(Distance.EUCLIDEAN_PERCENTAGES);

    private final Distance distance;

    DistanceChoice(Distance distance) {
        this.distance = distance;
    }

    Distance distance() {
        return distance;
    }
}

package org.distribooze.nifi;

import org.apache.nifi.components.DescribedValue;
import org.distribooze.cluster.Distance;

/** ClusterFlows' choice of what flows are compared by: the clusterer's distances, named for the NiFi UI. */
public enum ClusteringDistance implements DescribedValue {
    JACCARD_OCCUPIED_BINS("Occupied bins (Jaccard)",
            "Each flow is the set of bins holding at least one of its packets; two flows are the share of their"
                    + " occupied bins that only one of them occupies apart (Jaccard distance, 0 to 1). Which packet"
                    + " sizes occur at all matters, not in what proportions. Works with Epsilon auto.",
            Distance.JACCARD_OCCUPIED_BINS),
    EUCLIDEAN_PERCENTAGES("Euclidean on percentages (original)",
            "The original tool's: each flow is its histogram in percent of its packets, compared by Euclidean"
                    + " distance (0 to 141.4). Needs a number for Epsilon; the original used Epsilon 8, Minimum"
                    + " Points 5 and Minimum Packets 1.",
            Distance.EUCLIDEAN_PERCENTAGES);

    private final String displayName;
    private final String description;
    private final Distance distance;

    ClusteringDistance(String displayName, String description, Distance distance) {
        this.displayName = displayName;
        this.description = description;
        this.distance = distance;
    }

    @Override
    public String getValue() {
        return name();
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** The clusterer's distance this choice stands for. */
    public Distance distance() {
        return distance;
    }
}

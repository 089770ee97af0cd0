package org.distribooze.cluster;

/**
 * What DBSCAN compares two flows by, each with the settings that suit it when none is given.
 */
public enum Distance {

    /**
     * Each flow is the set of bins holding at least one of its packets; two flows are
     * {@code |S xor T| / |S or T|} apart (Jaccard distance): 0 with the same bins, 1 with no bin in common, 1/3
     * when they share two of three bins. Neighbours are at most {@code epsilon} apart, the quotient taken as a
     * double (exact for a fractional epsilon). How many packets fall in a bin does not matter, only whether any
     * does. Defaults: epsilon {@code auto}, minimum points 10, minimum packets 4.
     */
    JACCARD_OCCUPIED_BINS("jaccard", Epsilon.auto(), 10, 4),

    /**
     * The original tool's: each flow is its histogram in percent of its packets ({@code count * 100 / packets}
     * per bin), two flows are the Euclidean distance of those apart, from 0 to 100 &radic;2. Defaults: epsilon
     * 8, minimum points 5, minimum packets 1 (every flow clustered); epsilon {@code auto} is not available.
     */
    EUCLIDEAN_PERCENTAGES("euclidean", Epsilon.of(8.0), 5, 1);

    private final String shortName;
    private final Epsilon defaultEpsilon;
    private final int defaultMinPoints;
    private final int defaultMinPackets;

    Distance(String shortName, Epsilon defaultEpsilon, int defaultMinPoints, int defaultMinPackets) {
        this.shortName = shortName;
        this.defaultEpsilon = defaultEpsilon;
        this.defaultMinPoints = defaultMinPoints;
        this.defaultMinPackets = defaultMinPackets;
    }

    /** {@code jaccard} or {@code euclidean}, as the command line spells it. */
    public String shortName() {
        return shortName;
    }

    public Epsilon defaultEpsilon() {
        return defaultEpsilon;
    }

    public int defaultMinPoints() {
        return defaultMinPoints;
    }

    public int defaultMinPackets() {
        return defaultMinPackets;
    }
}

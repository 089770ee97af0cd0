package org.distribooze.cluster;

/**
 * One cluster of flows; id -1 is the noise group and -2 the flows not clustered, each summarised the same way.
 *
 * @param centroid the mean of the members' percentage distributions
 */
public record ClusterSummary(int id, int flows, long packets, double[] centroid, double meanDistance,
                             double maxDistance) {
}

package org.distribooze.cluster;

/**
 * One cluster of flows; id -1 is the noise group, summarised the same way.
 *
 * @param centroid the mean of the members' percentage distributions
 */
public record ClusterSummary(int id, int flows, long packets, double[] centroid, double meanDistance,
                             double maxDistance) {
}

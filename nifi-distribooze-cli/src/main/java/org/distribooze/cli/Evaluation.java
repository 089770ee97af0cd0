package org.distribooze.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One clustering of flows scored against their labels. Noise flows and flows not clustered each count as a
 * cluster of their own: putting a flow aside says nothing about which protocol it carries, so it earns no credit
 * for completeness and costs nothing in homogeneity. Flows without a label are left out of the scores.
 *
 * @param flows flows scored: those with a label
 * @param clusters clusters among them, noise and flows not clustered not counted
 * @param noise noise flows among them
 * @param unclustered flows among them not clustered for having too few packets
 * @param unlabelled flows of the clustering that have no label, left out
 * @param packetsDiffer scored flows whose packet count differs from the labelling tool's
 */
record Evaluation(int flows, int clusters, int noise, int unclustered, int unlabelled, int packetsDiffer,
                  ClusterScores scores) {

    /** A clustered flow: the key {@link LabelFile#key} builds, its packets and its cluster (-1 noise, -2 not). */
    record ClusteredFlow(String key, long packets, int cluster) {
    }

    static Evaluation of(LabelFile labels, List<ClusteredFlow> clustered) {
        List<String> classes = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        Set<Integer> realClusters = new HashSet<>();
        int noise = 0;
        int unclustered = 0;
        int unlabelled = 0;
        int packetsDiffer = 0;

        for (ClusteredFlow flow : clustered) {
            Optional<LabelFile.Label> label = labels.of(flow.key());
            if (label.isEmpty()) {
                unlabelled++;
                continue;
            }
            classes.add(label.get().label());
            packetsDiffer += label.get().packets() == flow.packets() ? 0 : 1;
            if (flow.cluster() >= 0) {
                realClusters.add(flow.cluster());
                clusters.add("cluster " + flow.cluster());
            } else {
                noise += flow.cluster() == -1 ? 1 : 0;
                unclustered += flow.cluster() == -2 ? 1 : 0;
                clusters.add("alone " + clusters.size());
            }
        }

        return new Evaluation(classes.size(), realClusters.size(), noise, unclustered, unlabelled, packetsDiffer,
                ClusterScores.of(classes, clusters));
    }
}

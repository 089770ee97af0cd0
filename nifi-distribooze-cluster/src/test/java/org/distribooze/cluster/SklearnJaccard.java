package org.distribooze.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent oracle for the occupied-bins mode, in Python: the automatic radius worked out from its written
 * rule with exact fractions (each distinct set's distance to the nearest other, the flow-weighted lower median,
 * at most 1/2), then scikit-learn's DBSCAN with every flow a point of its own, on Jaccard distances each divided
 * once in double ({@code (union - common) / union}).
 */
final class SklearnJaccard {

    /** The radius as a reduced fraction, and labels per flow: -2 for flows with too few packets. */
    record Outcome(String epsilon, int[] labels) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "from fractions import Fraction",
            "import numpy as np",
            "from sklearn.cluster import DBSCAN",
            "def jaccard(a, b): return Fraction(len(a ^ b), len(a | b))",
            "def run(job):",
            "    counts = np.array(job['histograms'] or [[1]], dtype=np.int64)[:len(job['histograms'])]",
            "    kept = counts.sum(axis=1) >= job['min_packets']",
            "    occupied = counts[kept] > 0",
            "    sets = [frozenset(np.nonzero(row)[0].tolist()) for row in occupied]",
            "    flows = {}",
            "    for s in sets: flows[s] = flows.get(s, 0) + 1",
            "    if job['epsilon'] is not None:",
            "        eps = Fraction(job['epsilon'])",
            "    elif len(flows) < 2:",
            "        eps = Fraction(0)",
            "    else:",
            "        nearest = {s: min(jaccard(s, t) for t in flows if t != s) for s in flows}",
            "        total, seen = sum(flows.values()), 0",
            "        for s in sorted(flows, key=lambda s: nearest[s]):",
            "            seen += flows[s]",
            "            if 2 * seen >= total:",
            "                eps = nearest[s]",
            "                break",
            "        eps = min(eps, Fraction(1, 2))",
            "    labels = np.full(len(counts), -2)",
            "    if kept.any():",
            "        b = occupied.astype(np.int64)",
            "        common = b @ b.T",
            "        size = b.sum(axis=1)",
            "        union = size[:, None] + size[None, :] - common",
            "        distances = (union - common) / union",
            // scikit-learn refuses a radius of 0; distinct sets are at least 1/64 apart, so 1e-12 finds the same.
            "        radius = float(eps) if eps > 0 else 1e-12",
            "        labels[kept] = DBSCAN(eps=radius, min_samples=job['min_points'], metric='precomputed')"
                    + ".fit_predict(distances)",
            "    return {'epsilon': f'{eps.numerator}/{eps.denominator}', 'labels': [int(x) for x in labels]}",
            "print(json.dumps([run(job) for job in json.load(sys.stdin)]))");

    private SklearnJaccard() {
    }

    /**
     * @param epsilon a fraction such as {@code 1/3}, or null for the automatic radius
     */
    static Outcome dbscan(List<long[]> histograms, String epsilon, int minPoints, int minPackets) {
        return dbscanEach(List.of(histograms), epsilon, minPoints, minPackets).get(0);
    }

    /** One outcome per set of flows, all from one run of Python. */
    static List<Outcome> dbscanEach(List<List<long[]>> flowSets, String epsilon, int minPoints, int minPackets) {
        try {
            List<Job> jobs = flowSets.stream().map(flows -> new Job(flows, epsilon, minPoints, minPackets)).toList();
            JsonNode answers = JSON.readTree(Python.run(List.of("-c", SCRIPT), JSON.writeValueAsString(jobs)));
            List<Outcome> outcomes = new ArrayList<>();
            for (JsonNode answer : answers) {
                JsonNode labelsNode = answer.get("labels");
                int[] labels = new int[labelsNode.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = labelsNode.get(i).asInt();
                }
                outcomes.add(new Outcome(answer.get("epsilon").asText(), labels));
            }
            return outcomes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot exchange JSON with scikit-learn", e);
        }
    }

    private record Job(List<long[]> histograms, String epsilon, @JsonProperty("min_points") int minPoints,
                       @JsonProperty("min_packets") int minPackets) {
    }
}

package org.distribooze.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * scikit-learn's DBSCAN run on histograms given here, each turned into percentages by numpy, to check a
 * hand-made case against the library itself.
 */
final class Sklearn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "import numpy as np",
            "from sklearn.cluster import DBSCAN",
            "job = json.load(sys.stdin)",
            "counts = np.array(job['histograms'], dtype=np.float64)",
            "points = counts * 100.0 / counts.sum(axis=1, keepdims=True)",
            "labels = DBSCAN(eps=job['eps'], min_samples=job['min_samples'], metric='euclidean')"
                    + ".fit(points).labels_",
            "print(json.dumps([int(x) for x in labels]))");

    private Sklearn() {
    }

    /** scikit-learn's labels, -1 for noise, for the flows in the given order. */
    static int[] dbscan(List<long[]> histograms, double eps, int minSamples) {
        try {
            String job = JSON.writeValueAsString(new Job(histograms, eps, minSamples));
            JsonNode labels = JSON.readTree(Python.run(List.of("-c", SCRIPT), job));
            int[] result = new int[labels.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = labels.get(i).asInt();
            }
            return result;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot exchange JSON with scikit-learn", e);
        }
    }

    private record Job(List<long[]> histograms, double eps, @JsonProperty("min_samples") int minSamples) {
    }
}

package org.distribooze.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** scikit-learn's DBSCAN run on vectors given here, to check a hand-made case against the library itself. */
final class Sklearn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "import numpy as np",
            "from sklearn.cluster import DBSCAN",
            "job = json.load(sys.stdin)",
            "points = np.array(job['points'], dtype=np.float64)",
            "labels = DBSCAN(eps=job['eps'], min_samples=job['min_samples'], metric='euclidean')"
                    + ".fit(points).labels_",
            "print(json.dumps([int(x) for x in labels]))");

    private Sklearn() {
    }

    /** scikit-learn's labels, -1 for noise, for the points in the given order. */
    static int[] dbscan(double[][] points, double eps, int minSamples) {
        try {
            String job = JSON.writeValueAsString(new Job(points, eps, minSamples));
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

    private record Job(double[][] points, double eps, @JsonProperty("min_samples") int minSamples) {
    }
}

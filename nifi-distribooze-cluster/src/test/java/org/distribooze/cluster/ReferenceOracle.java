package org.distribooze.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared reference script: per-flow histograms, scikit-learn's clusters and centroid distances. */
final class ReferenceOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One output line of the reference: a flow in first-seen order. */
    record Flow(long[] counts, long packets, int cluster, double distance) {
    }

    private ReferenceOracle() {
    }

    static List<Flow> run(Path capture, double epsilon, int minSamples) {
        String script = SharedData.file("reference/reference.py").toString();
        String output = Python.run(List.of(script, "-e", Double.toString(epsilon),
                "-m", Integer.toString(minSamples), capture.toString()), null);

        List<Flow> flows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                flows.add(parse(line));
            }
        }
        return flows;
    }

    private static Flow parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode countsNode = node.get("counts");
            long[] counts = new long[countsNode.size()];
            for (int bin = 0; bin < counts.length; bin++) {
                counts[bin] = countsNode.get(bin).asLong();
            }
            return new Flow(counts, node.get("packets").asLong(), node.get("cluster").asInt(),
                    node.get("distance").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException("reference output is not JSON: " + line, e);
        }
    }
}

package org.distribooze.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    private static final double EXACT = 1e-12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTheSamePartitionUnderOtherNames_whenScored_thenAllOne() {
        ClusterScores scores = ClusterScores.of(List.of("a", "a", "b", "c"), List.of(7, 7, 3, 5));

        assertScores(1, 1, 1, 1, scores);
    }

    @Test
    void givenTwoClassesInOneCluster_whenScored_thenCompleteButNotHomogeneous() {
        // One cluster: nothing told apart (homogeneity 0, ARI 0), nothing split (completeness 1); 3 of 4 in the
        // cluster's largest class.
        ClusterScores scores = ClusterScores.of(List.of("a", "a", "a", "b"), List.of(0, 0, 0, 0));

        assertScores(0, 1, 0, 0.75, scores);
    }

    @Test
    void givenEveryFlowAlone_whenScored_thenHomogeneousButNotComplete() {
        // Classes a a b b, each flow its own cluster: H(class) = ln 2, H(cluster) = ln 4, and all of the class
        // entropy is explained: homogeneity 1, completeness ln 2 / ln 4 = 1/2. Pairs: the two same-class pairs are
        // split, no pair is together in both: ARI = 2 (0 tn - fn 0) / ... = 0.
        ClusterScores scores = ClusterScores.of(List.of("a", "a", "b", "b"), List.of(1, 2, 3, 4));

        assertScores(1, 0.5, 0, 1, scores);
    }

    @Test
    void givenLabelVectors_whenScored_thenAsScikitLearnScoresThem() throws Exception {
        Random random = new Random(11);
        List<List<List<Integer>>> cases = new ArrayList<>();
        cases.add(List.of(List.of(0, 0, 1, 1, 2, 2, 2), List.of(0, 0, 0, 1, 1, 2, 3)));
        cases.add(List.of(List.of(0, 1, 2, 0, 1, 2), List.of(5, 5, 5, 6, 6, 6)));
        for (int n : new int[] {50, 500, 3000}) {
            List<Integer> classes = new ArrayList<>();
            List<Integer> clusters = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int klass = random.nextInt(6);
                classes.add(klass);
                // Mostly the class's own cluster, sometimes another, sometimes a singleton.
                double roll = random.nextDouble();
                clusters.add(roll < 0.7 ? klass : roll < 0.9 ? random.nextInt(9) : 100 + i);
            }
            cases.add(List.of(classes, clusters));
        }

        JsonNode expected = sklearn(cases);

        for (int c = 0; c < cases.size(); c++) {
            ClusterScores scores = ClusterScores.of(cases.get(c).get(0), cases.get(c).get(1));
            JsonNode want = expected.get(c);
            String what = "case " + c;
            assertEquals(want.get(0).asDouble(), scores.homogeneity(), EXACT, what + " homogeneity");
            assertEquals(want.get(1).asDouble(), scores.completeness(), EXACT, what + " completeness");
            assertEquals(want.get(2).asDouble(), scores.adjustedRand(), EXACT, what + " adjusted Rand");
            assertEquals(want.get(3).asDouble(), scores.purity(), EXACT, what + " purity");
        }
    }

    private static JsonNode sklearn(List<List<List<Integer>>> cases) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import json, sys",
                "from sklearn import metrics",
                "out = []",
                "for classes, clusters in json.load(sys.stdin):",
                "    h, c, _ = metrics.homogeneity_completeness_v_measure(classes, clusters)",
                "    table = metrics.cluster.contingency_matrix(classes, clusters)",
                "    purity = table.max(axis=0).sum() / table.sum()",
                "    out.append([h, c, metrics.adjusted_rand_score(classes, clusters), float(purity)])",
                "print(json.dumps(out))");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(cases));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!python.waitFor(2, TimeUnit.MINUTES) || python.exitValue() != 0) {
            throw new IllegalStateException("scikit-learn's metrics failed (python3-sklearn installed?): " + out);
        }
        return JSON.readTree(out);
    }

    private static void assertScores(double homogeneity, double completeness, double adjustedRand, double purity,
                                     ClusterScores scores) {
        assertEquals(homogeneity, scores.homogeneity(), EXACT, "homogeneity");
        assertEquals(completeness, scores.completeness(), EXACT, "completeness");
        assertEquals(adjustedRand, scores.adjustedRand(), EXACT, "adjusted Rand");
        assertEquals(purity, scores.purity(), EXACT, "purity");
    }
}

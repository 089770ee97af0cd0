package org.distribooze.cluster;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * DBSCAN with every flow a point of its own, written as scikit-learn's {@code dbscan_inner} runs it: core flows
 * are those with at least {@code minPoints} flows in reach, themselves included; clusters grow from core flows
 * in input order, each completely before the next, and a flow keeps the first cluster that reaches it. Labels are
 * then renumbered by first appearance, as ours are. Quadratic and plain: a reference, not a tool.
 */
final class PerFlowDbscan {

    /** Whether two flows, given by index, are neighbours. */
    @FunctionalInterface
    interface Neighbours {
        boolean test(int a, int b);
    }

    private PerFlowDbscan() {
    }

    static int[] labels(int n, Neighbours neighbours, int minPoints) {
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (neighbours.test(i, j)) {
                    count++;
                }
            }
            core[i] = count >= minPoints;
        }

        int[] labels = new int[n];
        Arrays.fill(labels, ClusteringResult.NOISE);
        int cluster = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (labels[start] != ClusteringResult.NOISE || !core[start]) {
                continue;
            }
            stack.push(start);
            while (!stack.isEmpty()) {
                int flow = stack.pop();
                if (labels[flow] != ClusteringResult.NOISE) {
                    continue;
                }
                labels[flow] = cluster;
                if (core[flow]) {
                    for (int other = 0; other < n; other++) {
                        if (labels[other] == ClusteringResult.NOISE && neighbours.test(flow, other)) {
                            stack.push(other);
                        }
                    }
                }
            }
            cluster++;
        }
        return renumbered(labels);
    }

    private static int[] renumbered(int[] labels) {
        int[] ours = new int[labels.length + 1];
        Arrays.fill(ours, -1);
        int next = 0;
        int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ClusteringResult.NOISE) {
                result[i] = ClusteringResult.NOISE;
            } else {
                if (ours[labels[i]] < 0) {
                    ours[labels[i]] = next++;
                }
                result[i] = ours[labels[i]];
            }
        }
        return result;
    }

    /** Jaccard neighbours on occupied bins, the radius a fraction compared exactly. */
    static Neighbours jaccard(List<long[]> histograms, long numerator, long denominator) {
        return (a, b) -> {
            long[] x = histograms.get(a);
            long[] y = histograms.get(b);
            int differing = 0;
            int union = 0;
            for (int bin = 0; bin < x.length; bin++) {
                boolean inX = x[bin] > 0;
                boolean inY = y[bin] > 0;
                differing += inX != inY ? 1 : 0;
                union += inX || inY ? 1 : 0;
            }
            return differing * denominator <= numerator * union;
        };
    }
}

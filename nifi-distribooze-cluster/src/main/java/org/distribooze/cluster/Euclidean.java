package org.distribooze.cluster;

/** Euclidean distance between two vectors of the same length. */
final class Euclidean {

    private Euclidean() {
    }

    static double distance(double[] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}

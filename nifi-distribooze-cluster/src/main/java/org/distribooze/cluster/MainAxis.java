package org.distribooze.cluster;

import java.util.Arrays;

/**
 * The direction along which points spread the most (their first principal component), found by power iteration
 * on their covariance: a unit vector, so the difference of two points' projections on it never exceeds their
 * distance.
 */
final class MainAxis {

    private static final int ITERATIONS = 100;

    private MainAxis() {
    }

    /**
     * @param points {@code n} points of {@code dimensions} coordinates, one after the other
     * @return a unit vector; along the first coordinate when the points do not spread at all (empty without
     *         dimensions)
     */
    static double[] of(double[] points, int dimensions, int n) {
        if (dimensions == 0) {
            return new double[0];
        }
        double[][] covariance = covariance(points, dimensions, n);

        double[] axis = new double[dimensions];
        Arrays.fill(axis, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                for (int j = 0; j < dimensions; j++) {
                    next[i] += covariance[i][j] * axis[j];
                }
            }
            if (!normalise(next)) {
                break;
            }
            axis = next;
        }

        if (!normalise(axis)) {
            axis = new double[dimensions];
            axis[0] = 1.0;
        }
        return axis;
    }

    private static double[][] covariance(double[] points, int dimensions, int n) {
        double[] mean = new double[dimensions];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < dimensions; i++) {
                mean[i] += points[p * dimensions + i];
            }
        }
        for (int i = 0; i < dimensions; i++) {
            mean[i] /= Math.max(n, 1);
        }

        double[][] covariance = new double[dimensions][dimensions];
        double[] centred = new double[dimensions];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < dimensions; i++) {
                centred[i] = points[p * dimensions + i] - mean[i];
            }
            for (int i = 0; i < dimensions; i++) {
                for (int j = 0; j < dimensions; j++) {
                    covariance[i][j] += centred[i] * centred[j];
                }
            }
        }
        return covariance;
    }

    // False when the vector is 0 (or not a number) and cannot be scaled to length 1.
    private static boolean normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        double length = Math.sqrt(sum);
        if (!(length > 0) || Double.isInfinite(length)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= length;
        }
        return true;
    }
}

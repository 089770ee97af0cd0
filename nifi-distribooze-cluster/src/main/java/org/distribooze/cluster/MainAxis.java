package org.distribooze.cluster;

import java.util.Arrays;

/**
 * The direction along which points spread the most (their first principal component), found by power iteration
 * on their covariance: a unit vector, so the difference of two points' projections on it never exceeds their
 * distance. With as many dimensions as iterations or more, the covariance is never built: a dimensions x
 * dimensions matrix of long histograms costs more memory and time than multiplying through the points each time.
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
        double[] mean = mean(points, dimensions, n);
        double[][] covariance = dimensions < ITERATIONS ? covariance(points, mean, dimensions, n) : null;

        double[] axis = new double[dimensions];
        Arrays.fill(axis, 1.0);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = covariance != null
                    ? times(covariance, axis)
                    : timesCovarianceOf(points, mean, axis, n);
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

    private static double[] mean(double[] points, int dimensions, int n) {
        double[] mean = new double[dimensions];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < dimensions; i++) {
                mean[i] += points[p * dimensions + i];
            }
        }
        for (int i = 0; i < dimensions; i++) {
            mean[i] /= Math.max(n, 1);
        }
        return mean;
    }

    private static double[][] covariance(double[] points, double[] mean, int dimensions, int n) {
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

    private static double[] times(double[][] matrix, double[] v) {
        double[] product = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                product[i] += matrix[i][j] * v[j];
            }
        }
        return product;
    }

    // The covariance times v is the sum over points of (point - mean) scaled by (point - mean) . v.
    private static double[] timesCovarianceOf(double[] points, double[] mean, double[] v, int n) {
        int dimensions = v.length;
        double[] product = new double[dimensions];
        for (int p = 0; p < n; p++) {
            int offset = p * dimensions;
            double along = 0;
            for (int i = 0; i < dimensions; i++) {
                along += (points[offset + i] - mean[i]) * v[i];
            }
            for (int i = 0; i < dimensions; i++) {
                product[i] += (points[offset + i] - mean[i]) * along;
            }
        }
        return product;
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

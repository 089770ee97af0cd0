package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainAxisTest {

    /*
     * Points t * u + c for t = -3..3 and a fixed offset c lie on one line along u, so they spread along u alone:
     * the main axis is u, up to its sign. u is (1, 2, ..., d) scaled to length 1. 10 dimensions go through the
     * covariance matrix, 150 and 2,048 through the points themselves.
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 150, 2048})
    void givenPointsOnALineWhenTheMainAxisIsFoundThenItIsTheLinesDirection(int dimensions) {
        double[] direction = new double[dimensions];
        double length = 0;
        for (int i = 0; i < dimensions; i++) {
            direction[i] = i + 1;
            length += direction[i] * direction[i];
        }
        length = Math.sqrt(length);
        for (int i = 0; i < dimensions; i++) {
            direction[i] /= length;
        }

        int n = 7;
        double[] points = new double[n * dimensions];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < dimensions; i++) {
                points[p * dimensions + i] = (p - 3) * direction[i] + (i % 3);
            }
        }

        double[] axis = MainAxis.of(points, dimensions, n);

        double sign = Math.signum(axis[0]);
        for (int i = 0; i < dimensions; i++) {
            assertEquals(direction[i], sign * axis[i], 1e-9, "coordinate " + i);
        }
    }
}

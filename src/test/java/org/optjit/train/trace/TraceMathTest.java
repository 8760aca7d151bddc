package org.optjit.train.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceMathTest {

    @Test
    void gradientsMatchCentralDifferences() {
        double h = 1e-6;
        for (Surface s : Surface.values()) {
            for (double[] p : new double[][] {{-1.3, 0.7}, {0.4, -2.1}, {1.5, 2.5}}) {
                double[] g = s.gradient(p[0], p[1]);
                double gx = (s.value(p[0] + h, p[1]) - s.value(p[0] - h, p[1])) / (2 * h);
                double gy = (s.value(p[0], p[1] + h) - s.value(p[0], p[1] - h)) / (2 * h);
                assertEquals(gx, g[0], 1e-4 * Math.max(1, Math.abs(gx)), s + " d/dx");
                assertEquals(gy, g[1], 1e-4 * Math.max(1, Math.abs(gy)), s + " d/dy");
            }
            double[] m = s.minimum();
            assertEquals(0, s.value(m[0], m[1]), 1e-12);
        }
    }

    @Test
    void contourPointsLieOnTheirLevel() {
        // A circle of radius 2 for f = x^2 + y^2 at level 4: every vertex is at distance ~2.
        List<ContourLines.Level> levels = ContourLines.compute((x, y) -> x * x + y * y,
                new double[] {-3, 3, -3, 3}, 60, new double[] {4});
        ContourLines.Level l = levels.get(0);
        int points = 0;
        for (int i = 0; i < l.xs().length; i++) {
            if (Double.isNaN(l.ys()[i])) {
                continue;
            }
            points++;
            assertEquals(2.0, Math.hypot(l.xs()[i], l.ys()[i]), 0.01);
        }
        assertTrue(points > 100, "the circle crosses many cells: " + points);
    }

    @Test
    void levelsAreGeometric() {
        double[] l = ContourLines.geometricLevels(1, 1000, 4);
        assertEquals(1, l[0], 1e-12);
        assertEquals(10, l[1], 1e-9);
        assertEquals(1000, l[3], 1e-9);
    }
}

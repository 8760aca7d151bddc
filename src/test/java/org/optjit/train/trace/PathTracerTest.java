package org.optjit.train.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.train.TestRules;

class PathTracerTest {

    static final Kernel MOMENTUM = TestRules.momentum().compile(Backend.INTERPRETER);

    @Test
    void momentumReachesTheBottomOfTheBowl() {
        TracedPath p = PathTracer.trace(MOMENTUM.bind(Map.of("eps", 0.02)), Surface.BOWL, 150);
        assertEquals(151, p.points());
        assertEquals(TracedPath.Outcome.FINISHED, p.outcome());
        assertEquals(Surface.BOWL.startX(), p.xs()[0], 1e-6);
        assertTrue(p.finalValue(Surface.BOWL) < 1e-3 * Surface.BOWL.value(-4, -1.5), "f = " + p.finalValue(Surface.BOWL));
    }

    @Test
    void aTooLargeRateIsReportedAsDivergedAndThePathStopsBeforeTheNaN() {
        // curvature 25 across the ravine: eps = 1 overshoots more every step
        TracedPath p = PathTracer.trace(MOMENTUM.bind(Map.of("eps", 1.0)), Surface.BOWL, 2000);
        assertEquals(TracedPath.Outcome.DIVERGED, p.outcome());
        assertTrue(p.points() < 2001);
        for (int i = 0; i < p.points(); i++) {
            assertTrue(Double.isFinite(p.xs()[i]) && Double.isFinite(p.ys()[i]));
        }
    }
}

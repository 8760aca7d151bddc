package org.optjit.train.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.BranchCounter;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/** Optimizer diagnostics per named range: update ratio, state norms, branch fractions. */
class StepDiagnosticsTest {

    @Test
    void branchFractionsCountTheWeightsWhereEachConditionHolds() {
        Kernel k = Rule.parse("hyper lr = 0.1\nif g*m > 0 { w -= lr } else { w += lr }\nm = g\n").compile(Backend.SCALAR);
        BranchCounter c = new BranchCounter(k);
        assertEquals(1, c.conditions().size(), c.conditions().toString());
        assertTrue(c.conditions().get(0).contains("g * m") && c.conditions().get(0).contains("> 0"), c.conditions().get(0));
        Optimizer o = k.bind(Map.of());
        float[] w = {1, 2, 3, 4, 5};
        OptimizerState s = o.newState(w);
        System.arraycopy(new float[] {1, 1, 1, -1, -1}, 0, s.array("m"), 0, 5);
        float[] g = {1, 1, -1, -1, 0};
        assertArrayEquals(new double[] {2.0 / 3}, c.fractions(o, w, g, s, 0, 3), 1e-12);
        assertArrayEquals(new double[] {0.5}, c.fractions(o, w, g, s, 3, 5), 1e-12);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, w, "counting changes no weight");
        assertArrayEquals(new float[] {1, 1, 1, -1, -1}, s.array("m"), "nor any state");
    }

    @Test
    void aRuleWithoutConditionsHasNoBranches() {
        assertEquals(List.of(), new BranchCounter(Rule.parse("w -= lr*g").compile(Backend.SCALAR)).conditions());
    }

    @Test
    void updateRatioAndStateNormsPerRange() {
        Kernel k = Rule.parse("hyper lr = 0.5, mu = 0.9\nv = mu*v + g\nw -= lr*v\n").compile(Backend.SCALAR);
        Optimizer o = k.bind(Map.of());
        float[] w = {3, 4, 1, 0};
        float[] g = {2, 0, 0, 2};
        OptimizerState s = o.newState(w);
        StepDiagnostics d = new StepDiagnostics(k, List.of(new NamedRange("a", 0, 2), new NamedRange("b", 2, 4)));
        d.before(w, g, s, i -> o);
        o.step(w, g, s);
        Map<String, Double> m = d.after(w, s);
        // a: w (3,4) moves by (-1, 0): ratio 1/5; b: w (1,0) moves by (0,-1): ratio 1
        assertEquals(0.2, m.get("update_ratio.a"), 1e-7);
        assertEquals(1.0, m.get("update_ratio.b"), 1e-7);
        assertEquals(2.0, m.get("state_norm.v.a"), 1e-7);
        assertEquals(2.0, m.get("state_norm.v.b"), 1e-7);
        assertEquals(List.of("update_ratio.a", "update_ratio.b", "state_norm.v.a", "state_norm.v.b"), List.copyOf(m.keySet()));
    }
}

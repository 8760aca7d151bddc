package org.optjit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public API's contract: binding, state, steps, and the errors users get. */
class OptimizerApiTest {

    private static final String MOMENTUM = "v = mu*v - eps*g; w += v";

    @Test
    void inferredRolesOfTheDesignCardRule() {
        Rule rule = Rule.parse(MOMENTUM);
        assertEquals(List.of("mu", "eps"), rule.hyperparameters().stream().map(Rule.Hyperparameter::name).toList());
        assertEquals(List.of("v"), rule.state().stream().map(Rule.StateVariable::name).toList());
    }

    @Test
    void momentumStepsMatchTheFormulaAndAdvanceT() {
        Optimizer opt = Rule.parse(MOMENTUM).compile(Backend.INTERPRETER).bind(Map.of("mu", 0.5, "eps", 0.25));
        float[] w = {1f, -2f};
        OptimizerState s = opt.newState(w);
        assertEquals(0, s.t());
        float[] g = {2f, 4f};
        opt.step(w, g, s);
        // v = 0.5*0 - 0.25*g = {-0.5, -1}; w = {0.5, -3}
        assertArrayEquals(new float[] {-0.5f, -1f}, s.array("v"));
        assertArrayEquals(new float[] {0.5f, -3f}, w);
        opt.step(w, g, s);
        // v = 0.5*v - 0.25*g = {-0.75, -1.5}; w = {-0.25, -4.5}
        assertArrayEquals(new float[] {-0.75f, -1.5f}, s.array("v"));
        assertArrayEquals(new float[] {-0.25f, -4.5f}, w);
        assertEquals(2, s.t());
    }

    @Test
    void setChangesAHyperparameterBetweenSteps() {
        Optimizer opt = Rule.parse("w -= lr*g").compile(Backend.INTERPRETER).bind(Map.of("lr", 1.0));
        float[] w = {0f};
        OptimizerState s = opt.newState(w);
        opt.step(w, new float[] {1f}, s);
        opt.set("lr", 0.5);
        assertEquals(0.5, opt.get("lr"));
        opt.step(w, new float[] {1f}, s);
        assertArrayEquals(new float[] {-1.5f}, w);
    }

    @Test
    void bindRejectsUnknownNamesWithASuggestionAndNamesEveryMissingOne() {
        Kernel k = Rule.parse("w -= lr*g + wd*w + mom*0").compile(Backend.INTERPRETER);
        RuleException e = assertThrows(RuleException.class, () -> k.bind(Map.of("lrr", 0.1)));
        assertTrue(e.getMessage().contains("unknown hyperparameter 'lrr'; did you mean 'lr'?"), e.getMessage());
        assertTrue(e.getMessage().contains("'lr', 'wd', 'mom'"), e.getMessage());
    }

    @Test
    void declaredDefaultsAreUsedWhenNotBound() {
        Optimizer opt = Rule.parse("hyper lr = 0.5\nw -= lr*g").compile(Backend.INTERPRETER).bind(Map.of());
        assertEquals(0.5, opt.get("lr"));
    }

    @Test
    void stepRejectsMismatchedLengthsAndForeignState() {
        Optimizer opt = Rule.parse(MOMENTUM).compile(Backend.INTERPRETER).bind(Map.of("mu", 0.9, "eps", 0.1));
        OptimizerState s = opt.newState(new float[4]);
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class,
                () -> opt.step(new float[4], new float[3], s));
        assertTrue(e1.getMessage().contains("differ in length: 4 and 3"), e1.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> opt.step(new float[5], new float[5], s));
        assertTrue(e2.getMessage().contains("state was made for 4 weights, not 5"), e2.getMessage());
        Optimizer other = Rule.parse("a = a + g; b = b*g; w += a + b", "other.opt").compile(Backend.INTERPRETER).bind(Map.of());
        OptimizerState s2 = other.newState(new float[4]);
        assertThrows(IllegalArgumentException.class, () -> opt.step(new float[4], new float[4], s2));
    }

    @Test
    void stateInitialValuesMayReadTheWeightsAndHyperparameters() {
        Optimizer opt = Rule.parse("hyper k = 2\nstate slow = w, gain = k\nslow = slow + 0*g\nw += gain*0")
                .compile(Backend.INTERPRETER).bind(Map.of());
        float[] w = {3f, -1f};
        OptimizerState s = opt.newState(w);
        assertArrayEquals(new float[] {3f, -1f}, s.array("slow"));
        assertArrayEquals(new float[] {2f, 2f}, s.array("gain"));
        RuleException e = assertThrows(RuleException.class, () -> s.array("slwo"));
        assertTrue(e.getMessage().contains("did you mean 'slow'?"), e.getMessage());
    }

    @Test
    void rangeFormUpdatesOnlyItsRangeAndLeavesTForAdvance() {
        Kernel k = Rule.parse("w -= lr*t*g").compile(Backend.INTERPRETER);
        Optimizer weights = k.bind(Map.of("lr", 1.0));
        Optimizer biases = k.bind(Map.of("lr", 0.5));
        float[] w = new float[4];
        float[] g = {1f, 1f, 1f, 1f};
        OptimizerState s = weights.newState(w);
        weights.step(w, g, s, 0, 2);
        biases.step(w, g, s, 2, 4);
        assertEquals(0, s.t());
        s.advance();
        assertArrayEquals(new float[] {-1f, -1f, -0.5f, -0.5f}, w);
        weights.step(w, g, s, 0, 2);
        biases.step(w, g, s, 2, 4);
        s.advance();
        // second step has t = 2
        assertArrayEquals(new float[] {-3f, -3f, -1.5f, -1.5f}, w);
        assertThrows(IllegalArgumentException.class, () -> weights.step(w, g, s, 3, 5));
    }
}

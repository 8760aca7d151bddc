package org.optjit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A state belongs to the compiled program that made it, not to a name. */
class StateIdentityTest {

    @Test
    void aStateFromOneParsedRuleIsRefusedByAnotherWithTheSameName() {
        Optimizer momentum = Rule.parse("v = mu*v - eps*g; w += v").compile(Backend.INTERPRETER)
                .bind(Map.of("mu", 0.9, "eps", 0.1));
        Optimizer other = Rule.parse("v = v + g*g; w -= eps*g/sqrt(v + 1e-8)").compile(Backend.INTERPRETER)
                .bind(Map.of("eps", 0.1));
        float[] w = {1f, 2f};
        OptimizerState s = momentum.newState(w);
        s.array("v")[0] = 5f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.step(w, new float[] {1f, 1f}, s));
        assertTrue(e.getMessage().contains("another rule"), e.getMessage());
        assertArrayEquals(new float[] {5f, 0f}, s.array("v"), "the refused state is untouched");
        assertArrayEquals(new float[] {1f, 2f}, w);
    }

    @Test
    void twoFilesWithTheSameNameButDifferentRulesDoNotShareState() {
        Rule a = Rule.parse("hyper lr = 0.1\nm = 0.9*m + g\nw -= lr*m\n", "one/adam.opt");
        Rule b = Rule.parse("hyper lr = 0.1\nm = 0.5*m + g\nw -= lr*m\n", "two/adam.opt");
        OptimizerState s = a.compile(Backend.SCALAR).bind(Map.of()).newState(new float[3]);
        Optimizer ob = b.compile(Backend.SCALAR).bind(Map.of());
        assertThrows(IllegalArgumentException.class, () -> ob.step(new float[3], new float[3], s));
    }

    @Test
    void theSameProgramAcceptsItsStateAcrossBackendsAndParses() {
        String text = "v = mu*v - eps*g; w += v";
        OptimizerState s = Rule.parse(text).compile(Backend.INTERPRETER).bind(Map.of("mu", 0.9, "eps", 0.1))
                .newState(new float[2]);
        Optimizer again = Rule.parse(text, "elsewhere/momentum.opt").compile(Backend.SCALAR)
                .bind(Map.of("mu", 0.5, "eps", 0.1));
        assertDoesNotThrow(() -> again.step(new float[2], new float[] {1f, 1f}, s));
    }
}

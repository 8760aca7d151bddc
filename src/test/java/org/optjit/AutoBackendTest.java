package org.optjit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.codegen.CodeLengths;

/**
 * What AUTO picks (the tests run with the Vector API module): VECTOR, unless the vector
 * loop would be a method the JIT never compiles or no method at all; then SCALAR, which
 * splits large bodies.
 */
class AutoBackendTest {

    /** {@code lines} dependent updates: about two vector operations each. */
    private static Rule chain(int lines) {
        StringBuilder sb = new StringBuilder("x = w\n");
        for (int k = 0; k < lines; k++) {
            sb.append("x = x*0.999 + g\n");
        }
        return Rule.parse(sb.append("w = x\n").toString());
    }

    @Test
    void ordinaryRulesRunOnVector() {
        assertEquals(Backend.VECTOR, Rule.parse("w -= lr*g").compile(Backend.AUTO).backend());
        Kernel medium = chain(100).compile(Backend.AUTO);
        assertEquals(Backend.VECTOR, medium.backend());
        assertTrue(CodeLengths.of(medium.classFile()).get("run") <= CodeLengths.JIT_LIMIT);
    }

    @Test
    void aVectorLoopTooLongForTheJitMakesAutoPickScalar() {
        Rule rule = chain(800);
        int run = CodeLengths.of(rule.compile(Backend.VECTOR).classFile()).get("run");
        assertTrue(run > CodeLengths.JIT_LIMIT, "the VECTOR run method has " + run + " bytes");
        Kernel auto = rule.compile(Backend.AUTO);
        assertEquals(Backend.SCALAR, auto.backend());
        assertAgreesWithInterpreter(rule, auto);
    }

    @Test
    void aBodyTooLargeForOneVectorMethodMakesAutoPickScalar() {
        Rule rule = chain(6_000);
        assertThrows(RuleException.class, () -> rule.compile(Backend.VECTOR));
        Kernel auto = rule.compile(Backend.AUTO);
        assertEquals(Backend.SCALAR, auto.backend());
        assertAgreesWithInterpreter(rule, auto);
    }

    private static void assertAgreesWithInterpreter(Rule rule, Kernel kernel) {
        SplittableRandom random = new SplittableRandom(3);
        float[] w = new float[37];
        float[] g = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
            g[i] = (float) random.nextGaussian();
        }
        float[] expected = w.clone();
        Optimizer reference = rule.compile(Backend.INTERPRETER).bind(Map.of());
        reference.step(expected, g, reference.newState(expected));
        Optimizer opt = kernel.bind(Map.of());
        opt.step(w, g, opt.newState(w));
        assertArrayEquals(expected, w);
    }
}

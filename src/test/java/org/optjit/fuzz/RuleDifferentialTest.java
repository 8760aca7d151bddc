package org.optjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.codegen.KernelClasses;

/**
 * Property-based differential test on rule source text: thousands of random well-formed
 * rules ({@link RandomRules}) are parsed and compiled for the interpreter and for a
 * backend, and must agree bit for bit over several steps; every generated class verifies.
 */
class RuleDifferentialTest {

    private static final int RULES = 2000;
    private static final int STEPS = 3;
    private static final int N = 37;
    /** Surefire sets optjit.verify, and then KernelClasses.define already ran the verifier. */
    private static final boolean VERIFIED_AT_DEFINITION = Boolean.getBoolean("optjit.verify");

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void backendAgreesWithInterpreterOnRandomRules(Backend backend) {
        if (backend == Backend.VECTOR) {
            Assumptions.assumeTrue(Kernel.vectorAvailable(), "no jdk.incubator.vector in this JVM");
        }
        // VECTOR is bitwise exact only without exp/log/pow (issue 3), so it gets rules without them
        RandomRules rules = new RandomRules(1234 + backend.ordinal(), backend != Backend.VECTOR);
        Random data = new Random(99);
        for (int n = 0; n < RULES; n++) {
            String source = rules.next();
            Rule rule;
            try {
                rule = Rule.parse(source);
            } catch (RuleException e) {
                throw new AssertionError("random rule " + n + " was rejected:\n" + source + "\n" + e.getMessage(), e);
            }
            Kernel expected = rule.compile(Backend.INTERPRETER);
            Kernel actual = compile(rule, backend);
            if (!VERIFIED_AT_DEFINITION) {
                assertEquals("", KernelClasses.verify(actual.classFile()), source);
            }
            compareSteps(source, expected.bind(rules.bindings()), actual.bind(rules.bindings()), data);
        }
    }

    private static Kernel compile(Rule rule, Backend backend) {
        try {
            return rule.compile(backend);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort(backend + " is not implemented yet: " + e.getMessage());
            throw e;
        }
    }

    private static void compareSteps(String source, Optimizer expected, Optimizer actual, Random data) {
        float[] w1 = org.optjit.codegen.Differential.array(data, N);
        float[] w2 = w1.clone();
        OptimizerState s1 = expected.newState(w1);
        OptimizerState s2 = actual.newState(w2);
        for (int step = 1; step <= STEPS; step++) {
            float[] g = org.optjit.codegen.Differential.array(data, N);
            expected.step(w1, g.clone(), s1);
            actual.step(w2, g.clone(), s2);
            same(source, step, "w", w1, w2);
            for (String name : s1.names()) {
                same(source, step, name, s1.array(name), s2.array(name));
            }
        }
    }

    private static void same(String source, int step, String name, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail("step " + step + ": " + name + "[" + i + "] is " + actual[i] + ", the interpreter gives "
                        + expected[i] + "\n" + source);
            }
        }
    }
}

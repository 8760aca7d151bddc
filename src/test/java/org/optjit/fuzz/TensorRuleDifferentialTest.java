package org.optjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.RuleException;

/**
 * Random rules over tensors ({@link RandomTensorRules}) on random layouts: each backend, on
 * 1 and 3 threads, gives bit for bit what the interpreter gives on one thread, for every
 * weight and every state array of every shape class, step after step.
 */
class TensorRuleDifferentialTest {

    static final int RULES = 40;
    static final int STEPS = 4;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void backendsAgreeWithTheInterpreter(Backend backend) {
        RandomTensorRules rules = new RandomTensorRules(backend.ordinal() * 1000L + 17);
        Random data = new Random(backend.ordinal());
        for (int k = 0; k < RULES; k++) {
            String source = rules.next();
            Layout layout = layout(data);
            Rule rule;
            try {
                rule = Rule.parse(source);
            } catch (RuleException e) {
                fail("a generated rule is rejected:\n" + source + "\n" + e.getMessage());
                return;
            }
            for (int threads : new int[] {1, 3}) {
                Optimizer expected = rule.compile(Backend.INTERPRETER).bind(Map.of()).threads(1);
                Optimizer actual = rule.compile(backend).bind(Map.of()).threads(threads);
                float[] w1 = weights(layout.size(), data.nextLong());
                float[] w2 = w1.clone();
                OptimizerState s1 = expected.newState(w1, layout);
                OptimizerState s2 = actual.newState(w2, layout);
                for (int step = 1; step <= STEPS; step++) {
                    float[] g = weights(layout.size(), data.nextLong());
                    expected.step(w1, g, s1);
                    actual.step(w2, g, s2);
                    same(source, layout, step, "w", w1, w2);
                    for (String name : s1.names()) {
                        same(source, layout, step, name, s1.array(name), s2.array(name));
                    }
                }
            }
        }
    }

    private static void same(String source, Layout layout, int step, String what, float[] e, float[] a) {
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i])) {
                assertEquals(e[i], a[i], "step " + step + ", " + what + "[" + i + "] on " + layout + " of\n" + source);
            }
        }
    }

    static Layout layout(Random r) {
        Layout.Builder b = Layout.builder();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            if (r.nextBoolean()) {
                b.matrix("m" + k, 1 + r.nextInt(9), 1 + r.nextInt(40));
            } else {
                b.vector("v" + k, 1 + r.nextInt(50));
            }
            if (r.nextInt(3) == 0) {
                b.group("g" + k);
            }
        }
        return b.build();
    }

    static float[] weights(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}

package org.optjit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Random rules over tensors on tensors of several blocks (65,536 values), where VECTOR kernel
 * calls are a block long and cut around each block's start, with kept values and per-tensor
 * conditions (branch variants), on three threads: bit for bit the weights and states of the
 * interpreter on one thread (which shares no tensor). The small layouts of
 * {@link TensorRuleDifferentialTest} never cross a block. Two more layouts' largest matrix is
 * shared by the threads (reordering its parts' sums fails it), one of them in whole rows of a
 * length that does not divide a block.
 */
class BigTensorDifferentialTest {

    @Test
    void vectorAgreesWithTheInterpreterAcrossBlocks() {
        Layout layout = Layout.builder().vector("a", 7).matrix("big", 3, 66_671).vector("b", 13)
                .matrix("mid", 301, 433).build();
        agree(layout, 99, 30);
    }

    /**
     * A matrix of more than 2^20 weights and more than a third of the layout: the three
     * threads share it, cut at blocks, for every rule without per-row or per-column values.
     */
    @Test
    void vectorAgreesWithTheInterpreterOnASharedTensor() {
        Layout layout = Layout.builder().vector("a", 7).matrix("huge", 1021, 1033).vector("b", 13)
                .matrix("mid", 301, 433).build();
        agree(layout, 41, 8);
    }

    /**
     * The same with rows of 768: a rule that runs row by row shares the matrix in whole rows
     * (and in whole blocks, 256 rows, when it also sums over the tensor), a level that adds a
     * column's sums on one thread. Splitting that level fails it, and so does cutting inside a
     * row (at blocks alone).
     */
    @Test
    void vectorAgreesWithTheInterpreterOnATensorSharedInRows() {
        Layout layout = Layout.builder().vector("a", 7).matrix("huge", 1665, 768).vector("b", 13)
                .matrix("mid", 31, 433).build();
        agree(layout, 11, 8);
    }

    private static void agree(Layout layout, long seed, int count) {
        RandomTensorRules rules = new RandomTensorRules(seed);
        Random data = new Random(5);
        for (int k = 0; k < count; k++) {
            // every other rule ends with a per-tensor condition: passes with branch variants
            String source = rules.next() + (k % 2 == 0 ? "" : "\nw -= ndim == 2 ? 0.001*w : (t > 1 ? 0.002*g : 0.003*m)\n");
            Rule rule = Rule.parse(source);
            Optimizer expected = rule.compile(Backend.INTERPRETER).bind(Map.of()).threads(1);
            Optimizer actual = rule.compile(Backend.VECTOR).bind(Map.of()).threads(3);
            float[] w1 = new float[layout.size()];
            for (int i = 0; i < w1.length; i++) {
                w1[i] = (float) data.nextGaussian();
            }
            float[] w2 = w1.clone();
            OptimizerState s1 = expected.newState(w1, layout);
            OptimizerState s2 = actual.newState(w2, layout);
            for (int step = 1; step <= 2; step++) {
                float[] g = new float[layout.size()];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) data.nextGaussian();
                }
                expected.step(w1, g, s1);
                actual.step(w2, g, s2);
                for (int i = 0; i < w1.length; i++) {
                    assertEquals(Float.floatToIntBits(w1[i]), Float.floatToIntBits(w2[i]), source + "\nw[" + i + "] step " + step);
                }
                for (String name : s1.names()) {
                    float[] a = s1.array(name);
                    float[] b = s2.array(name);
                    for (int i = 0; i < a.length; i++) {
                        assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), source + "\n" + name + "[" + i + "]");
                    }
                }
            }
        }
    }
}

package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.Layout;
import org.optjit.Rule;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.phase.Planner;
import org.optjit.runtime.LoopKernel;

/**
 * A condition per tensor evaluates only the chosen branch (the language's promise, which
 * makes {@code ndim == 2 ? orth(m) : ...} Muon with another rule for vectors): the
 * orthogonalisation and the reductions of the other branch are not computed for a tensor,
 * and a pass that only feeds them is not run for it. What is computed is what the
 * definition says.
 */
class UniformBranchTest {

    private static final Layout LAYOUT = Layout.builder().matrix("a", 6, 10).vector("b", 6).matrix("c", 9, 4)
            .vector("d", 5).vector("e", 3).build();

    /** A step through the runtime, counting orth calls and pass calls per pass. */
    private static final class Counting {
        final List<String> orthCalls = new ArrayList<>();
        final int[] passCalls;
        final Plan plan;
        final TensorStep step;

        Counting(String source) {
            Program p = Rule.parse(source).program();
            plan = Planner.plan(p, Planner.Placing.RECOMPUTE); // the guards, apart from what keeping changes
            passCalls = new int[plan.passes().size()];
            LoopKernel[] kernels = new LoopKernel[plan.passes().size()];
            for (int k = 0; k < kernels.length; k++) {
                Pass pass = plan.passes().get(k);
                LoopKernel inner = new Interpreter(pass.body());
                int index = k;
                kernels[k] = (w, g, arrays, uniforms, from, to, origin) -> {
                    synchronized (passCalls) {
                        passCalls[index]++;
                    }
                    inner.run(w, g, arrays, uniforms, from, to, origin);
                };
            }
            step = new TensorStep(plan, kernels, (in, out, offset, rows, cols, threads) -> {
                synchronized (orthCalls) {
                    orthCalls.add(rows + "x" + cols);
                }
                Orthogonalization.DEFAULT.orthogonalize(in, out, offset, rows, cols, threads);
            });
        }

        void run(float[] w, float[] g, float[][] states, int threads) {
            float[][] buffers = new float[plan.buffers()][LAYOUT.size()];
            step.step(new Geometry(LAYOUT), w, g, states, buffers, new Workspace(), new double[][] {{}}, 1, threads);
        }
    }

    @Test
    void orthOnlyForTheTensorsThatTakeItsBranch() {
        Counting c = new Counting("w -= ndim == 2 ? 0.1*orth(g) : 0.1*g");
        assertFalse(c.plan.orthGuards().get(0).always());
        float[] w = new float[LAYOUT.size()];
        float[] g = gaussian(LAYOUT.size(), 3);
        c.run(w, g, new float[0][], 2);
        assertEquals(List.of("6x10", "9x4"), c.orthCalls.stream().sorted().toList());
        // the pass that only computes orth's argument runs for the two matrices, not for the three vectors
        assertEquals(2 * callsPerTensor(), c.passCalls[0]);
        // vectors took the other branch, exactly
        for (Layout.Tensor t : LAYOUT.tensors()) {
            if (t.cols() == 1) {
                for (int i = t.offset(); i < t.end(); i++) {
                    assertEquals(Float.floatToIntBits(0f - 0.1f * g[i]), Float.floatToIntBits(w[i]), t.name() + "[" + i + "]");
                }
            }
        }
    }

    /** Tensors this small take one call of a per-tensor pass each. */
    private static int callsPerTensor() {
        return 1;
    }

    @Test
    void reductionOnlyForTheTensorsThatTakeItsBranch() {
        Counting c = new Counting("w -= ndim == 1 ? g/(norm(2*g) + 1) : 0.5*g");
        assertFalse(c.plan.reductionGuards().get(0).always());
        float[] w = new float[LAYOUT.size()];
        float[] g = gaussian(LAYOUT.size(), 5);
        c.run(w, g, new float[0][], 1);
        assertEquals(3 * callsPerTensor(), c.passCalls[0], "the norm pass runs for the vectors only");
        for (Layout.Tensor t : LAYOUT.tensors()) {
            float scale = normPlusOne(g, t, 2);
            for (int i = t.offset(); i < t.end(); i++) {
                float expected = 0f - (t.cols() == 1 ? g[i] / scale : 0.5f * g[i]);
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(w[i]), t.name() + "[" + i + "]");
            }
        }
    }

    /** norm(g) is summed where g lies: its pass calls no kernel, and the result is the definition's. */
    @Test
    void aReductionOfAnArrayReadsTheArrayItself() {
        Counting c = new Counting("w -= g/(norm(g) + 1)");
        float[] w = new float[LAYOUT.size()];
        float[] g = gaussian(LAYOUT.size(), 9);
        c.run(w, g, new float[0][], 2);
        assertEquals(0, c.passCalls[0]);
        for (Layout.Tensor t : LAYOUT.tensors()) {
            float scale = normPlusOne(g, t, 1);
            for (int i = t.offset(); i < t.end(); i++) {
                assertEquals(Float.floatToIntBits(0f - g[i] / scale), Float.floatToIntBits(w[i]), t.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void aConditionThatDependsOnTheReductionKeepsIt() {
        Counting c = new Counting("n = norm(g)\nw -= n > 1 ? g/n : g");
        assertTrue(c.plan.reductionGuards().get(0).always());
    }

    @Test
    void aReductionBothBranchesUseIsAlwaysComputed() {
        Counting c = new Counting("n = norm(g)\nw -= ndim == 2 ? g/(n + 1) : g*n");
        assertTrue(c.plan.reductionGuards().get(0).always());
    }

    @Test
    void nestedConditionsGuardWithBoth() {
        Counting c = new Counting("hyper k = 1\nw -= ndim == 2 ? (k > 0 ? orth(g) : g) : g");
        assertEquals(2, c.plan.orthGuards().get(0).insns().length);
    }

    /** {@code (float) (norm(factor * g) + 1)} over tensor {@code t}, in the defined order. */
    private static float normPlusOne(float[] g, Layout.Tensor t, float factor) {
        float[] part = java.util.Arrays.copyOfRange(g, t.offset(), t.end());
        for (int k = 0; k < part.length; k++) {
            part[k] *= factor;
        }
        StripedSum sum = new StripedSum();
        sum.reset(true);
        sum.add(part, part.length);
        return (float) (Math.sqrt(sum.finish()) + 1);
    }

    private static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}

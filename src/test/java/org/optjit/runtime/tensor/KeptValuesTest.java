package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optjit.Layout;
import org.optjit.Rule;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;
import org.optjit.phase.Plan;
import org.optjit.phase.Planner;
import org.optjit.runtime.LoopKernel;

/**
 * Values a pass keeps for a later pass live in one array per tensor (or per part of a tensor
 * that threads share), indexed from its first weight, the kernels' {@code origin}: the pass
 * that sums cuts its calls at reduction blocks, and the pass that only reads what was kept runs
 * over the tensor in one call. The step gives the bits of the plan that keeps nothing.
 */
class KeptValuesTest {

    /** A tensor longer than a reduction block (65,536), so the first pass makes several calls. */
    private static final Layout LAYOUT = Layout.builder().matrix("big", 300, 300).vector("bias", 77)
            .matrix("small", 7, 13).build();

    private static final String RULE = String.join("\n",
            "m = 0.9*m + 0.1*g",
            "v = 0.999*v + 0.001*g^2",
            "r = m/(sqrt(v) + 1e-3) + 0.01*w",
            "w -= 0.01*norm(w)/(norm(r) + 1e-9)*r");

    /** One call of a pass kernel: its range and origin. */
    private record Call(int pass, int from, int to, int origin) {
    }

    /** Interpreter kernels that record their calls, forwarding the origin. */
    private static LoopKernel[] recording(Plan plan, List<Call> calls) {
        LoopKernel[] kernels = new LoopKernel[plan.passes().size()];
        for (int k = 0; k < kernels.length; k++) {
            Interpreter inner = new Interpreter(plan.passes().get(k).body());
            int pass = k;
            kernels[k] = (w, g, state, uniforms, from, to, origin) -> {
                synchronized (calls) {
                    calls.add(new Call(pass, from, to, origin));
                }
                inner.run(w, g, state, uniforms, from, to, origin);
            };
        }
        return kernels;
    }

    /** Three steps of {@code plan} from the same start; returns w then the states. */
    private static float[][] steps(Plan plan, int threads, List<Call> calls) {
        TensorStep step = new TensorStep(plan, recording(plan, calls), Orthogonalization.DEFAULT);
        Random r = new Random(17);
        float[] w = new float[LAYOUT.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[][] states = new float[plan.program().states().size()][LAYOUT.size()];
        float[][] buffers = new float[plan.buffers()][LAYOUT.size()];
        Geometry geo = new Geometry(LAYOUT);
        Workspace workspace = new Workspace();
        for (int t = 1; t <= 3; t++) {
            float[] g = new float[LAYOUT.size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (r.nextGaussian() * 0.1);
            }
            step.step(geo, w, g, states, buffers, workspace, new double[][] {{}}, t, threads);
        }
        float[][] out = new float[1 + states.length][];
        out[0] = w;
        System.arraycopy(states, 0, out, 1, states.length);
        return out;
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2, 3})
    void keptValuesGiveTheBitsOfRecomputingThem(int threads) {
        Program p = Rule.parse(RULE).program();
        Plan keep = Planner.plan(p, Planner.Placing.KEEP);
        Plan recompute = Planner.plan(p, Planner.Placing.RECOMPUTE);
        assertTrue(keep.keeps() > 0, "the plan keeps r");
        assertEquals(0, recompute.keeps());
        float[][] kept = steps(keep, threads, new ArrayList<>());
        float[][] recomputed = steps(recompute, threads, new ArrayList<>());
        for (int a = 0; a < kept.length; a++) {
            assertArrayEquals(recomputed[a], kept[a], a == 0 ? "w" : "state " + (a - 1));
        }
    }

    @org.junit.jupiter.api.Test
    void thePassThatOnlyReadsKeptValuesMakesOneCallPerTensor() {
        Plan keep = Planner.plan(Rule.parse(RULE).program(), Planner.Placing.KEEP);
        int last = keep.passes().size() - 1;
        List<Call> calls = new ArrayList<>();
        steps(keep, 1, calls);
        List<Layout.Tensor> tensors = LAYOUT.tensors();
        List<Call> updates = calls.stream().filter(c -> c.pass() == last).toList();
        assertEquals(3 * tensors.size(), updates.size(), "one call per tensor and step: " + updates);
        for (Call c : updates) {
            Layout.Tensor t = tensors.stream().filter(x -> x.offset() == c.from()).findFirst().orElseThrow();
            assertEquals(t.end(), c.to(), "the whole tensor " + t.name());
            assertEquals(t.offset(), c.origin(), "kept values from the tensor's first weight");
        }
        List<Call> firsts = calls.stream().filter(c -> c.pass() == 0 && c.from() < 300 * 300).toList();
        assertTrue(firsts.size() > 3, "the summing pass cuts the big tensor at its blocks: " + firsts);
        for (Call c : firsts) {
            assertEquals(0, c.origin(), "every call of the summing pass indexes kept values from the tensor's start");
        }
    }
}

package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * The VECTOR backend's pass kernels add the values of sums over a tensor into the stripe
 * sums in registers (StripedKernel) instead of through scratch arrays. The sums must still
 * be those of the defined order, bit for bit: checked against the interpreter (which goes the
 * scratch way) on tensors of many tiles, with blocks of 65,536 that end inside a tile, tensors
 * that start at every offset mod 16, kept and not kept values, squares and plain sums, [all]
 * and per tensor, for 1 and 3 threads.
 */
class StripedKernelTest {

    static final String RULE = """
            hyper lr = 0.01
            state a: tensor, b: tensor, c: all, e: tensor
            m = 0.9*m + g
            u = m/(abs(g) + 1) + 0.001*w
            a = norm(u)
            b = sum(m*g)
            c = rms[all](g - m)
            e = mean(u*u*u)
            w -= lr*(a > 0 ? 1/a : 1)*u + b*1e-9 + c*1e-7 + e*1e-5
            """;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void vectorSumsInRegistersEqualTheInterpreter(int threads) {
        // sizes: more than one block (70,001), several tiles (3 x 9,001), a vector, a small matrix
        Layout layout = Layout.builder().matrix("big", 7, 10_001).vector("odd", 37).matrix("mid", 3, 9_001)
                .matrix("small", 5, 5).vector("tail", 20_003).build();
        Rule rule = Rule.parse(RULE);
        Kernel vector = rule.compile(Backend.VECTOR);
        assertTrue(vector.passClassFiles().stream().anyMatch(StripedKernelTest::isStriped) || !stripes(),
                "no pass kernel sums in registers");
        OptimizerState sv = sameAsInterpreter(rule, vector, layout, threads, 4, 3, "a", "b", "c", "e", "m");
        assertEquals(layout.tensors().size(), sv.array("a").length);
    }

    /** Per-row values make every pass run row by row; its tensor sums still go in registers. */
    static final String ROW_RULE = """
            hyper lr = 0.01
            state a: tensor, c: all, d: tensor, e: all
            m = 0.9*m + g
            r = rms[row](m) + 1e-3
            u = m/r + 0.001*w
            a = norm(u)
            c = sum[all](u*g)
            d = (norm(u)*1e9) % 1
            e = (sum[all](u*g)*1e9) % 1
            w -= lr*(a > 0 ? 1/a : 1)*u + c*1e-9
            """;

    /**
     * Row by row, a row's call continues the tensor's stripes: rows of 64 cross a block's end
     * exactly at a row's end, rows of 48 inside a row (1365 rows and a third: that row goes the
     * scratch way), rows of 40 are not whole stripes, a vector's rows are one value each.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rowByRowSumsInRegistersEqualTheInterpreter(int threads) {
        Layout layout = Layout.builder().matrix("r64", 1100, 64).matrix("r48", 1400, 48).vector("v", 37)
                .matrix("r40", 30, 40).matrix("r16", 3, 16).build();
        Rule rule = Rule.parse(ROW_RULE);
        Kernel vector = rule.compile(Backend.VECTOR);
        assertTrue(vector.plan().passes().stream().allMatch(p -> p.rowWise() || vector.plan().keeps() > 0),
                "the passes run row by row");
        assertTrue(vector.plan().passes().stream().anyMatch(p -> !p.striped().isEmpty()), "nothing striped");
        assertTrue(vector.passClassFiles().stream().anyMatch(StripedKernelTest::isStriped) || !stripes(),
                "no pass kernel sums in registers");
        // d and e are the sums' last bits in double, which float states would round away
        sameAsInterpreter(rule, vector, layout, threads, 3, 5, "a", "c", "d", "e", "m");
    }

    /**
     * Steps the VECTOR kernel and the interpreter side by side from the same random weights,
     * with gradients over six orders of magnitude, and checks the weights and the named states
     * bit for bit after every step; returns the VECTOR state.
     */
    private static OptimizerState sameAsInterpreter(Rule rule, Kernel vector, Layout layout, int threads, int steps,
                                                    long seed, String... states) {
        Optimizer v = vector.bind(Map.of()).threads(threads);
        Optimizer i = rule.compile(Backend.INTERPRETER).bind(Map.of()).threads(threads);
        SplittableRandom r = new SplittableRandom(seed);
        float[] w = new float[layout.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) r.nextDouble(-1, 1);
        }
        float[] wv = w.clone();
        float[] wi = w.clone();
        OptimizerState sv = v.newState(wv, layout);
        OptimizerState si = i.newState(wi, layout);
        float[] g = new float[layout.size()];
        for (int step = 1; step <= steps; step++) {
            for (int k = 0; k < g.length; k++) {
                g[k] = (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 3)));
            }
            v.step(wv, g, sv);
            i.step(wi, g, si);
            for (String s : states) {
                assertArrayEquals(si.array(s), sv.array(s), s + " after step " + step);
            }
            assertTrue(Arrays.equals(wi, wv), "weights after step " + step);
        }
        return sv;
    }

    /**
     * LAMB's first pass sums both norms in registers: the norm of the kept update and the norm
     * of w, which the kernel loads anyway (reading w a second time would cost more).
     */
    @org.junit.jupiter.api.Test
    void lambSumsBothNormsInRegisters() throws java.io.IOException {
        org.optjit.phase.Plan plan = Rule.load(java.nio.file.Path.of("examples/lamb.opt")).compile(Backend.INTERPRETER).plan();
        assertEquals(java.util.List.of(0, 1), plan.passes().get(0).striped());
        assertEquals(java.util.List.of(), plan.passes().get(1).scratch());
        // clipping's norm pass has nothing else to do: it sums g where it lies, without a kernel
        org.optjit.phase.Plan clip = Rule.load(java.nio.file.Path.of("examples/adamw_clipped.opt")).compile(Backend.INTERPRETER).plan();
        assertEquals(java.util.List.of(), clip.passes().get(0).striped());
        assertEquals(org.optjit.phase.ReductionSource.Kind.GRADIENT, clip.passes().get(0).sources().get(0).kind());
    }

    private static boolean isStriped(byte[] classFile) {
        return Arrays.asList(new ClassReader(classFile).getInterfaces()).contains("org/optjit/runtime/StripedKernel");
    }

    /** Whether this JVM's preferred vectors hold 16 or 8 floats (else there are no striped kernels). */
    private static boolean stripes() {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        return lanes == 16 || lanes == 8;
    }
}

package org.optjit.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Rule;
import org.optjit.fuzz.RandomTensorRules;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Each branch variant of a pass body computes, for every output it keeps, the bits the whole
 * body computes when its truth values hold (run side by side on the interpreter over random
 * inputs), and it keeps every output that something may still read; and the variants of Muon
 * leave the other branch's arithmetic and arrays out.
 */
class BranchVariantsTest {

    static Stream<String> rules() throws java.io.IOException {
        List<String> sources = new ArrayList<>();
        for (String example : new String[] {"muon", "lamb", "novograd", "cautious_adamw", "mars", "dadapt_adam", "lars",
                "schedule_free_adamw", "prodigy", "adafactor"}) {
            sources.add(java.nio.file.Files.readString(Path.of("examples/" + example + ".opt")));
        }
        sources.add("""
                hyper lr = 0.1
                if t % 3 == 0 {
                    m = 0.9*m + g
                } else {
                    v = v + g*g
                }
                w -= ndim == 1 ? lr*(m + v) : (rows > 3 ? lr*g/(abs(m) + 1) : lr*v)
                """);
        sources.add("""
                r = g/(abs(g) + 1) + 0.01*w
                n = norm(r)
                s = sum(g*w)
                w -= ndim == 2 ? 0.1*r/(n + 1) : (t > 2 ? 0.01*g*s : 0.02*g)
                """);
        RandomTensorRules random = new RandomTensorRules(808);
        for (int k = 0; k < 40; k++) {
            sources.add(random.next());
        }
        return sources.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyVariantComputesTheBodysBitsWhereItsTruthValuesHold(String source) {
        Plan plan = Rule.parse(source).compile(Backend.INTERPRETER).plan();
        List<BranchVariants> variants = BranchVariants.of(plan);
        assertEquals(plan.passes().size(), variants.size());
        SplittableRandom r = new SplittableRandom(source.hashCode());
        for (int p = 0; p < variants.size(); p++) {
            Block body = plan.passes().get(p).body();
            BranchVariants bv = variants.get(p);
            assertEquals(1 << bv.slots().length, bv.bodies().size());
            for (int v = 0; v < bv.bodies().size(); v++) {
                compare(body, bv.bodies().get(v), bv.truth(v), plan.program().states().size(), r, "pass " + p + " variant " + v + "\n" + source);
            }
        }
    }

    /** Runs both bodies on the same random inputs, with the variant's truth values in the uniforms. */
    private static void compare(Block body, Block variant, Map<Integer, Boolean> truth, int states, SplittableRandom r,
                                String where) {
        int n = 37;
        int arrays = 1;
        int uniforms = 1;
        for (Insn x : body.insns()) {
            if (x.op() == Op.LOAD_S || x.op() == Op.LOAD_R || x.op() == Op.LOAD_T) {
                arrays = Math.max(arrays, x.slot() + 1);
            }
            if (x.op() == Op.UNIFORM || x.op() == Op.UNIFORM_BOOL) {
                uniforms = Math.max(uniforms, x.slot() + 1);
            }
        }
        for (Output o : body.outputs()) {
            arrays = Math.max(arrays, o.slot() + 1);
        }
        arrays += 8; // orth results are read through LOAD_T slots past the arrays
        float[] w = random(r, n);
        float[] g = random(r, n);
        float[][] state = new float[arrays][];
        for (int k = 0; k < arrays; k++) {
            state[k] = random(r, n);
        }
        float[] u = random(r, uniforms);
        for (Insn x : body.insns()) {
            if (x.op() == Op.UNIFORM_BOOL) {
                Boolean fixed = truth.get(x.slot());
                u[x.slot()] = fixed != null ? (fixed ? 1f : 0f) : r.nextBoolean() ? 1f : 0f;
            }
        }
        float[] w1 = w.clone();
        float[][] s1 = deepCopy(state);
        new Interpreter(body).run(w1, g, s1, u, 0, n);
        float[] w2 = w.clone();
        float[][] s2 = deepCopy(state);
        new Interpreter(variant).run(w2, g, s2, u, 0, n);
        for (Output o : variant.outputs()) {
            float[] a = o.target() == Output.Target.WEIGHT ? w1 : s1[o.slot()];
            float[] b = o.target() == Output.Target.WEIGHT ? w2 : s2[o.slot()];
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), where + "\noutput " + o + " at " + i);
            }
        }
        // what the variant leaves out is what the body leaves as it was (a state it does not
        // change) or what nothing reads under these truth values: weights and states never go
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.WEIGHT) {
                assertTrue(java.util.Arrays.equals(w1, w2), where + "\nweights");
            } else if (o.target() == Output.Target.STATE && o.slot() < states && variant.outputs().stream()
                    .noneMatch(x -> x.target() == o.target() && x.slot() == o.slot())) {
                assertTrue(java.util.Arrays.equals(s1[o.slot()], state[o.slot()]), where + "\nstate " + o.slot()
                        + " left out although the body changes it");
            }
        }
    }

    static Stream<String> elementWiseRules() throws java.io.IOException {
        List<String> sources = new ArrayList<>();
        for (String example : new String[] {"lookahead", "adamw_warmup_cosine", "ema", "adan", "adam"}) {
            sources.add(java.nio.file.Files.readString(Path.of("examples/" + example + ".opt")));
        }
        sources.add("""
                hyper lr = 0.1, k = 3
                if t % k == 0 && t > 4 {
                    m = 0.9*m + g
                } else if t < 2 {
                    v = v + g*g
                }
                w -= t > 10 ? lr*m : lr*(g + v)
                """);
        return sources.stream();
    }

    @ParameterizedTest
    @MethodSource("elementWiseRules")
    void everyElementWiseVariantComputesTheBodysBits(String source) {
        org.optjit.ir.Program p = Rule.parse(source).program();
        BranchVariants bv = BranchVariants.ofBody(p.body());
        SplittableRandom r = new SplittableRandom(source.hashCode());
        for (int v = 0; v < bv.bodies().size(); v++) {
            compare(p.body(), bv.bodies().get(v), bv.truth(v), p.states().size(), r, "variant " + v + "\n" + source);
        }
    }

    @Test
    void lookaheadLeavesItsSlowWeightsAloneBetweenSynchronisations() throws java.io.IOException {
        org.optjit.ir.Program p = Rule.load(Path.of("examples/lookahead.opt")).program();
        BranchVariants bv = BranchVariants.ofBody(p.body());
        assertEquals(1, bv.slots().length);
        int slow = p.states().stream().map(s -> s.name()).toList().indexOf("slow");
        Block between = bv.bodies().get(0);
        assertFalse(between.insns().stream().anyMatch(x -> x.op() == Op.LOAD_S && x.slot() == slow), "loads slow");
        assertFalse(between.outputs().stream().anyMatch(o -> o.target() == Output.Target.STATE && o.slot() == slow),
                "stores slow");
        assertTrue(bv.bodies().get(1).outputs().stream().anyMatch(o -> o.target() == Output.Target.STATE && o.slot() == slow));
    }

    @Test
    void theCorpusHasPassesWithVariants() throws java.io.IOException {
        int withVariants = 0;
        for (String source : rules().toList()) {
            for (BranchVariants bv : BranchVariants.of(Rule.parse(source).compile(Backend.INTERPRETER).plan())) {
                withVariants += bv.slots().length > 0 ? 1 : 0;
            }
        }
        assertTrue(withVariants >= 10, withVariants + " passes with variants");
    }

    /** In the plan that keeps values (the first pass then computes AdamW's update for vectors). */
    @Test
    void muonsMatricesSkipAdamWAndItsVectorsSkipOrthsArgument() throws java.io.IOException {
        Plan plan = Planner.plan(Rule.load(Path.of("examples/muon.opt")).program(), Planner.Placing.KEEP);
        BranchVariants first = BranchVariants.of(plan).get(0);
        assertEquals(1, first.slots().length, "one truth value: ndim == 2");
        Block matrices = first.bodies().get(1);
        Block vectors = first.bodies().get(0);
        int v = plan.program().states().stream().map(s -> s.name()).toList().indexOf("v");
        assertFalse(has(matrices, Op.SQRT), "matrices compute AdamW's root");
        assertFalse(matrices.insns().stream().anyMatch(x -> x.op() == Op.LOAD_S && x.slot() == v), "matrices load v");
        assertFalse(matrices.outputs().stream().anyMatch(o -> o.target() == Output.Target.STATE && o.slot() == v),
                "matrices store v");
        assertTrue(has(vectors, Op.SQRT));
        int orthArgument = plan.orthInput(plan.passes().get(0), 0);
        assertTrue(matrices.outputs().stream().anyMatch(o -> o.slot() == orthArgument && o.target() == Output.Target.STATE));
        assertFalse(vectors.outputs().stream().anyMatch(o -> o.slot() == orthArgument && o.target() == Output.Target.STATE),
                "vectors store orth's argument");
        assertTrue(matrices.size() < plan.passes().get(0).body().size() && vectors.size() < plan.passes().get(0).body().size());
    }

    /**
     * In the plan the compiler takes (recomputing: the first pass only computes orth's argument,
     * for matrices), the last pass runs AdamW for vectors and reads orth's result for matrices.
     */
    @Test
    void muonsLastPassIsAdamWForVectorsAndTheOrthogonalUpdateForMatrices() throws java.io.IOException {
        Plan plan = Rule.load(Path.of("examples/muon.opt")).compile(Backend.INTERPRETER).plan();
        int lastPass = plan.passes().size() - 1;
        BranchVariants last = BranchVariants.of(plan).get(lastPass);
        assertEquals(1, last.slots().length, "one truth value: ndim == 2");
        Block matrices = last.bodies().get(1);
        Block vectors = last.bodies().get(0);
        int v = plan.program().states().stream().map(s -> s.name()).toList().indexOf("v");
        assertFalse(has(matrices, Op.SQRT), "matrices compute AdamW's root");
        assertFalse(matrices.insns().stream().anyMatch(x -> x.op() == Op.LOAD_S && x.slot() == v), "matrices load v");
        assertTrue(has(vectors, Op.SQRT));
        assertFalse(vectors.insns().stream().anyMatch(x -> x.op() == Op.LOAD_S && x.slot() >= plan.program().states().size()),
                "vectors load orth's result");
        assertTrue(matrices.insns().stream().anyMatch(x -> x.op() == Op.LOAD_S && x.slot() >= plan.program().states().size()),
                "matrices do not load orth's result");
    }

    private static boolean has(Block b, Op op) {
        return b.insns().stream().anyMatch(x -> x.op() == op);
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-2, 2);
        }
        return x;
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = a[k].clone();
        }
        return c;
    }
}

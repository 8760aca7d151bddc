package org.optjit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.fuzz.RandomTensorRules;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.phase.Planner;
import org.optjit.phase.Planner.Placing;

/**
 * The two placements of a rule over tensors (recompute a value in a later pass, or keep it in
 * an array of its own) compute the same thing: run against each other on every example over
 * tensors and on random rules, they agree bit for bit, and the compiler takes the one that
 * moves fewer bytes.
 */
class PlacementTest {

    private static final Layout LAYOUT = Layout.builder().matrix("a", 7, 33).vector("b", 7).matrix("c", 19, 5)
            .group("decay_free").vector("d", 11).build();

    static Stream<String> examplesOverTensors() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(f -> f.toString().endsWith(".opt")).sorted()
                    .filter(f -> !Rule.load(f).program().elementWise() && assigns(f))
                    .map(f -> f.getFileName().toString()).toList().stream();
        }
    }

    private static boolean assigns(Path f) {
        try {
            Rule.load(f).compile(Backend.INTERPRETER);
            return true;
        } catch (RuleException transformAlone) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesOverTensors")
    void examplesAgreeWhicheverPlacement(String file) {
        Rule rule = Rule.load(Path.of("examples", file));
        for (Backend b : List.of(Backend.INTERPRETER, Backend.VECTOR)) {
            for (int threads : new int[] {1, 3}) {
                compare(rule, b, threads, LAYOUT, 6, 1);
            }
        }
    }

    /**
     * Rules whose later pass needs a state's old value after an earlier pass (under keeping)
     * has stored its new one, and values of every shape class around the passes.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "old = m\nm = 0.9*m + g\nw -= 0.1*old/(norm(m) + 1)",
        "old = m\nm = 0.5*m + g\nw -= old*min(1, 1/(mean[row](m*m) + 1e-6)) + 0.01*m",
        "v = 0.9*v + g^2\nr = mean[row](v)\nw -= 0.1*g/(sqrt(r) + 1e-3) + 0.01*v",
        "u = g*g\nold = v\nv = max(v, u)\nc = sum[col](v)\nw -= 0.01*(old + u)/(sqrt(c) + 1)",
        "old = m\nm = 0.9*m + g\nw -= 0.1*(old > 0 ? m : -m)/(norm(m*w) + 1)"})
    void statesReadAfterTheyAreStoredAgree(String source) {
        Rule rule = Rule.parse(source);
        for (Backend b : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
            compare(rule, b, 2, LAYOUT, 5, 3);
        }
        assertTrue(Kernel.compile(rule, Backend.VECTOR, Placing.KEEP).plan().keeps() > 0, "keeps nothing");
    }

    /** Kept values live per tensor; a level that waits for every tensor ([all]) is never crossed by one. */
    @Test
    void acrossAGlobalLevelItRecomputes() {
        Rule rule = Rule.parse("old = m\nm = 0.5*m + g\nw -= old*min(1, 1/(norm[all](m) + 1e-6)) + 0.01*m");
        assertEquals(0, Kernel.compile(rule, Backend.VECTOR, Placing.KEEP).plan().keeps());
        compare(rule, Backend.VECTOR, 3, LAYOUT, 4, 11);
    }

    @Test
    void randomRulesAgreeWhicheverPlacement() {
        RandomTensorRules rules = new RandomTensorRules(4242);
        Random r = new Random(7);
        for (int k = 0; k < 40; k++) {
            Rule rule = Rule.parse(rules.next());
            Layout layout = Layout.builder().matrix("m", 1 + r.nextInt(9), 1 + r.nextInt(40))
                    .vector("v", 1 + r.nextInt(50)).matrix("n", 1 + r.nextInt(9), 1 + r.nextInt(9)).build();
            compare(rule, Backend.VECTOR, 1 + r.nextInt(3), layout, 4, k);
        }
    }

    /** The compiler's plan moves no more bytes than either placement, for every example over tensors. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesOverTensors")
    void takesTheCheaperPlacement(String file) {
        var p = Rule.load(Path.of("examples", file)).program();
        int chosen = bytes(Planner.plan(p));
        assertEquals(Math.min(bytes(Planner.plan(p, Placing.KEEP)), bytes(Planner.plan(p, Placing.RECOMPUTE))), chosen);
    }

    /** LAMB keeps its update for the trust-ratio pass instead of recomputing Adam's update from g, m and v. */
    @Test
    void lambKeepsItsUpdate() {
        Plan plan = Rule.load(Path.of("examples", "lamb.opt")).compile(Backend.VECTOR).plan();
        assertEquals(1, plan.keeps());
        Pass second = plan.passes().get(plan.passes().size() - 1);
        for (Insn in : second.body().insns()) {
            assertTrue(in.op() != Op.LOAD_G, "the last pass reads g again");
            assertTrue(in.op() != Op.LOAD_S || in.slot() >= plan.program().states().size(), "the last pass reads m or v again");
        }
        assertTrue(bytes(plan) < bytes(Planner.plan(plan.program(), Placing.RECOMPUTE)));
    }

    /**
     * A pass that only sums an array where it lies still reads it: clipping's norm pass reads g
     * (4 bytes per weight), though its kernel loads nothing.
     */
    @Test
    void anArraySummedWhereItLiesIsRead() {
        Plan clip = Rule.load(Path.of("examples", "adamw_clipped.opt")).compile(Backend.VECTOR).plan();
        Pass norm = clip.passes().get(0);
        assertTrue(norm.body().insns().stream().noneMatch(in -> in.op() == Op.LOAD_G), "the norm pass loads g itself");
        assertEquals(20, clip.bytesReadPerWeight()); // g for the norm, then w, g, m, v
        assertTrue(org.optjit.phase.PlanListing.of(clip).contains("pass 0 (level 0): reads g; 4 bytes read, 0 written"),
                org.optjit.phase.PlanListing.of(clip));
    }

    /**
     * A kept value is stored and loaded again (from cache, but not free): keeping is taken only
     * where it saves more than that. LAMB keeps its update (40 bytes against 44); LARS and MARS
     * recompute (28 against 40, 44 against 68), and ran 1.3x and 1.6x faster so than keeping.
     */
    @Test
    void keptValuesCountAsStoredAndLoaded() {
        var lamb = Rule.load(Path.of("examples", "lamb.opt")).program();
        assertEquals(40, bytes(Planner.plan(lamb, Placing.KEEP)));
        assertEquals(44, bytes(Planner.plan(lamb, Placing.RECOMPUTE)));
        var lars = Rule.load(Path.of("examples", "lars.opt")).program();
        assertEquals(40, bytes(Planner.plan(lars, Placing.KEEP)));
        assertEquals(28, bytes(Planner.plan(lars)));
        assertEquals(0, Planner.plan(lars).keeps(), "LARS keeps");
        var mars = Rule.load(Path.of("examples", "mars.opt")).program();
        assertEquals(68, bytes(Planner.plan(mars, Placing.KEEP)));
        assertEquals(0, Planner.plan(mars).keeps(), "MARS keeps");
    }

    private static int bytes(Plan p) {
        return p.bytesReadPerWeight() + p.bytesWrittenPerWeight();
    }

    private static void compare(Rule rule, Backend backend, int threads, Layout layout, int steps, long seed) {
        Optimizer keep = Kernel.compile(rule, backend, Placing.KEEP).bind(Map.of()).threads(threads);
        Optimizer recompute = Kernel.compile(rule, backend, Placing.RECOMPUTE).bind(Map.of()).threads(threads);
        Random r = new Random(seed);
        float[] w1 = gaussian(r, layout.size());
        float[] w2 = w1.clone();
        OptimizerState s1 = keep.newState(w1, layout);
        OptimizerState s2 = recompute.newState(w2, layout);
        for (int step = 1; step <= steps; step++) {
            float[] g = gaussian(r, layout.size());
            keep.step(w1, g.clone(), s1);
            recompute.step(w2, g.clone(), s2);
            String where = rule.name() + " on " + backend + ", " + threads + " thread(s), step " + step;
            same(where + ": w", w1, w2);
            for (String name : s1.names()) {
                same(where + ": " + name, s1.array(name), s2.array(name));
            }
        }
    }

    private static void same(String what, float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToRawIntBits(b[i]), Float.floatToRawIntBits(a[i]), what + "[" + i + "]");
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}

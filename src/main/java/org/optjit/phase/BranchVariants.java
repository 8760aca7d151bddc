package org.optjit.phase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.sema.Shape;

/**
 * The bodies of one pass for each combination of its uniform truth values, so that per-weight
 * arithmetic on a branch a tensor does not take is not computed at all: the language promises
 * that {@code c ? a : b} and {@code if} with a condition per step or per tensor evaluate only
 * the chosen branch. {@link Guards} already skips the other branch's reductions and
 * {@code orth}s; here each pass body is specialised ({@link Specializer}) for every value of
 * the truth values it reads, and the runtime calls the variant that the call's uniforms
 * select. Muon's AdamW arithmetic then runs for vectors only, and its matrices neither load
 * nor store AdamW's second moment.
 *
 * <p>A variant also drops the values it would hand on that nothing needs under its truth
 * values: a reduction's or an {@code orth}'s argument whose guard fails, and a kept value that
 * no later pass reads in any variant that agrees with it. Bodies with more than
 * {@link #MAX_CONDITIONS} such truth values keep their selects (both sides computed, the same
 * bits), as do row and column truth values, which are not uniform over a call.
 *
 * @param slots  the uniform slots of the truth values, bit {@code j} of a variant's index the
 *               value of {@code slots[j]}
 * @param bodies the variants, by index; one (the body itself) when {@code slots} is empty
 */
public record BranchVariants(int[] slots, List<Block> bodies) {

    /** At most 2^3 variants of a pass. */
    public static final int MAX_CONDITIONS = 3;

    public BranchVariants {
        slots = slots.clone();
        bodies = List.copyOf(bodies);
    }

    /** The variants of every pass of {@code plan}, in pass order. */
    public static List<BranchVariants> of(Plan plan) {
        int n = plan.passes().size();
        BranchVariants[] out = new BranchVariants[n];
        for (int k = n - 1; k >= 0; k--) {
            int p = k;
            Pass pass = plan.passes().get(p);
            int[] slots = conditions(plan, pass.body());
            List<Block> bodies = new ArrayList<>();
            for (int v = 0; v < 1 << slots.length; v++) {
                Map<Integer, Boolean> truth = truth(slots, v);
                bodies.add(slots.length == 0 ? pass.body()
                        : Specializer.specialize(pass.body(), truth, o -> dead(plan, p, o, truth, out)));
            }
            out[p] = new BranchVariants(slots, bodies);
        }
        return List.of(out);
    }

    /**
     * The variants of an element-wise body: its truth values are per step, and it hands on
     * nothing but weights and states, so only unchanged stores drop out besides the other
     * branches (Lookahead's slow weights between synchronisations).
     */
    public static BranchVariants ofBody(Block body) {
        int[] slots = conditions(body, slot -> true);
        List<Block> bodies = new ArrayList<>();
        for (int v = 0; v < 1 << slots.length; v++) {
            bodies.add(slots.length == 0 ? body : Specializer.specialize(body, truth(slots, v), o -> false));
        }
        return new BranchVariants(slots, bodies);
    }

    /** The truth values of variant {@code v}. */
    public Map<Integer, Boolean> truth(int v) {
        return truth(slots, v);
    }

    private static Map<Integer, Boolean> truth(int[] slots, int v) {
        Map<Integer, Boolean> t = new HashMap<>();
        for (int j = 0; j < slots.length; j++) {
            t.put(slots[j], (v >> j & 1) == 1);
        }
        return t;
    }

    /** The uniform truth values {@code body} reads, per step or per tensor; none if too many. */
    private static int[] conditions(Plan plan, Block body) {
        return conditions(body, slot -> {
            Shape s = plan.exportShape(slot);
            return s == Shape.STEP || s == Shape.ALL || s == Shape.TENSOR;
        });
    }

    /**
     * The truth values {@code body} reads; none if one of them is not the same for a whole call
     * ({@code uniform} false) or if there are more than {@link #MAX_CONDITIONS}.
     */
    private static int[] conditions(Block body, java.util.function.IntPredicate uniform) {
        TreeSet<Integer> slots = new TreeSet<>();
        for (Insn x : body.insns()) {
            if (x.op() == Op.UNIFORM_BOOL) {
                if (!uniform.test(x.slot())) {
                    return new int[0];
                }
                slots.add(x.slot());
            }
        }
        return slots.size() > MAX_CONDITIONS ? new int[0] : slots.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether output {@code o} of pass {@code p} is needed by nothing under {@code truth}. */
    private static boolean dead(Plan plan, int p, Output o, Map<Integer, Boolean> truth, BranchVariants[] later) {
        Pass pass = plan.passes().get(p);
        int scratch = plan.scratchSlot(pass, 0);
        int orth = plan.orthInput(pass, 0);
        int kept = plan.keptSlot(pass, 0);
        int slot = o.slot();
        if (o.target() == Output.Target.SCRATCH && slot >= scratch && slot < orth) {
            return fails(plan, plan.reductionGuards().get(pass.scratch().get(slot - scratch)), truth);
        }
        if (o.target() == Output.Target.STATE && slot >= orth && slot < kept && (slot - orth) % 2 == 0) {
            return fails(plan, plan.orthGuards().get((slot - orth) / 2), truth);
        }
        if (o.target() == Output.Target.KEPT) {
            return !readLater(plan, p, slot - kept, truth, later);
        }
        return false;
    }

    /** Whether {@code guard} fails for every tensor whose truth values are {@code truth}. */
    private static boolean fails(Plan plan, Guard guard, Map<Integer, Boolean> truth) {
        for (Map.Entry<Integer, Boolean> e : truth.entrySet()) {
            int insn = plan.export()[e.getKey()];
            for (int k = 0; k < guard.insns().length; k++) {
                if (guard.insns()[k] == insn && e.getValue() == guard.negated()[k]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a pass after {@code p} reads kept value {@code k} in a variant that agrees with {@code truth}. */
    private static boolean readLater(Plan plan, int p, int k, Map<Integer, Boolean> truth, BranchVariants[] later) {
        for (int q = p + 1; q < later.length; q++) {
            int slot = plan.keptSlot(plan.passes().get(q), k);
            BranchVariants variants = later[q];
            for (int v = 0; v < variants.bodies().size(); v++) {
                if (agree(truth, variants.truth(v)) && loads(variants.bodies().get(v), slot)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean agree(Map<Integer, Boolean> a, Map<Integer, Boolean> b) {
        for (Map.Entry<Integer, Boolean> e : a.entrySet()) {
            Boolean other = b.get(e.getKey());
            if (other != null && !other.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean loads(Block body, int slot) {
        for (Insn x : body.insns()) {
            if (x.op() == Op.LOAD_K && x.slot() == slot) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchVariants b && Arrays.equals(slots, b.slots) && bodies.equals(b.bodies);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(slots) + bodies.hashCode();
    }

    @Override
    public String toString() {
        return "BranchVariants" + Arrays.toString(slots) + " x " + bodies.size();
    }
}

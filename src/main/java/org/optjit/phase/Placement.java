package org.optjit.phase;

import java.util.Arrays;
import java.util.List;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;

/**
 * Where the per-weight values of a rule over tensors are stored, and how a pass gets a value
 * that an earlier pass computed. Two placements, and the planner takes the one that moves
 * fewer bytes per weight:
 * <ul>
 *   <li><b>recompute</b>: every store happens in the last pass; a later pass recomputes what it
 *       needs from the arrays, which no earlier pass has overwritten. Best when the later pass
 *       reads those arrays anyway (clipping + AdamW: the norm pass reads only g).</li>
 *   <li><b>keep</b>: each weight and state array is stored in the pass that computes its new
 *       value; a later pass gets a value computed earlier from an array of its own (a "kept"
 *       value), except values that involve no array (recomputed for free) and loads of arrays
 *       not yet stored (loaded again). LAMB's second pass then reads w and the kept update
 *       instead of recomputing Adam's update from w, g, m and v, as a hand-written kernel does
 *       (You et al. 2020, Algorithm 2).</li>
 * </ul>
 * Kept values are per tensor: the runtime gives each an array as long as the tensor, indexed
 * from its first weight ({@code Op.LOAD_K}) and reused tensor after tensor, so they stay in
 * cache between the passes and move no bytes to or from memory (explain counts them as
 * scratch). Recomputing reads arrays from memory again; so keeping wins whenever it
 * saves a load, and recomputing wins the ties (clipping + AdamW reloads only g either way).
 */
final class Placement {

    private final Program program;
    private final int[] level;
    private final boolean keeping;
    /** The level of the pass that stores each body output (by index in the outputs). */
    private final int[] outputLevel;
    /** For each body instruction, the kept array that holds its value, or -1. */
    private final int[] kept;
    /** Whether each body instruction depends on an array (else it is the same for every weight). */
    private final boolean[] perWeight;
    private int keeps;

    private Placement(Program p, int[] level, int last, boolean keeping) {
        this.program = p;
        this.level = level;
        this.keeping = keeping;
        List<Output> outputs = p.body().outputs();
        outputLevel = new int[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            outputLevel[o] = keeping ? level[outputs.get(o).value()] : last;
        }
        kept = new int[p.body().size()];
        Arrays.fill(kept, -1);
        perWeight = new boolean[p.body().size()];
        List<Insn> body = p.body().insns();
        for (int i = 0; i < body.size(); i++) {
            Insn in = body.get(i);
            boolean w = isLoad(in.op());
            for (int k = 0; k < in.op().arity(); k++) {
                w |= perWeight[in.operand(k)];
            }
            perWeight[i] = w;
        }
    }

    /** All stores in the last pass ({@code last}); later passes recompute. */
    static Placement recompute(Program p, int[] level, int last) {
        return new Placement(p, level, last, false);
    }

    /** Stores as early as possible; later passes read kept values. */
    static Placement keep(Program p, int[] level, int last) {
        return new Placement(p, level, last, true);
    }

    /** Whether the pass of {@code pass} stores body output {@code o}. */
    boolean stores(int o, int pass) {
        return outputLevel[o] == pass;
    }

    /**
     * Whether the pass of {@code pass}, needing instruction {@code i} of an earlier level,
     * reads it from a kept array (deciding so the first time) instead of computing it. A truth
     * value is never kept (the arrays hold numbers): it is computed again from its operands,
     * which are kept in its place where needed.
     */
    boolean readsKept(int i, int pass) {
        if (kept[i] >= 0) {
            return true;
        }
        Insn in = program.body().insns().get(i);
        if (!keeping || level[i] >= pass || !perWeight[i] || in.op().type() == Op.Type.BOOL || reloadable(in, pass)) {
            return false;
        }
        kept[i] = keeps++;
        return true;
    }

    /** Whether instruction {@code i} is kept and computed by the pass of {@code pass}. */
    boolean keptBy(int i, int pass) {
        return kept[i] >= 0 && level[i] == pass;
    }

    /** The kept array of instruction {@code i} (0, 1, ...), or -1. */
    int keptArray(int i) {
        return kept[i];
    }

    /** How many kept arrays the passes use. */
    int keeps() {
        return keeps;
    }

    /** A load of an array that no pass before {@code pass} stores: loading it again costs what keeping it would save. */
    private boolean reloadable(Insn in, int pass) {
        if (!isLoad(in.op())) {
            return false;
        }
        List<Output> outputs = program.body().outputs();
        for (int o = 0; o < outputs.size(); o++) {
            Output out = outputs.get(o);
            boolean same = (in.op() == Op.LOAD_W && out.target() == Output.Target.WEIGHT)
                    || (in.op() == Op.LOAD_S && out.target() == Output.Target.STATE && out.slot() == in.slot());
            if (same && outputLevel[o] < pass) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoad(Op op) {
        return op == Op.LOAD_W || op == Op.LOAD_G || op == Op.LOAD_S || op == Op.LOAD_T;
    }
}

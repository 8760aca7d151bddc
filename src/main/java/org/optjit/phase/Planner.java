package org.optjit.phase;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.ir.ReductionSpec;
import org.optjit.ir.CoarseShapes;
import org.optjit.sema.Axis;
import org.optjit.sema.Shape;

/**
 * The phase stage: splits a program over tensors into passes at its reductions and tensor
 * operations ({@link Plan}).
 *
 * <p>A pass computes the arguments of the reductions (and {@code orth}s) of its level, and
 * stores the weights and per-weight state that its {@link Placement} gives it. A per-weight
 * value that a later pass needs is either recomputed there from the arrays or kept in an array
 * of its own: the planner builds both plans and takes the one that moves fewer bytes per
 * weight (recomputing on a tie, since it needs no extra memory).
 */
public final class Planner {

    private Planner() {
    }

    /** Which placement a plan uses ({@link Placement}). */
    public enum Placing {
        /** The one that moves fewer bytes per weight (recompute on a tie): what the compiler uses. */
        CHEAPER,
        /** Every store in the last pass; later passes recompute. */
        RECOMPUTE,
        /**
         * Stores as early as possible; later passes read kept values (but a plan whose passes
         * cross a level that waits for every tensor always recomputes).
         */
        KEEP
    }

    public static Plan plan(Program p) {
        return plan(p, Placing.CHEAPER);
    }

    /** A plan with the given placement (both give the same results, bit for bit; tests compare them). */
    public static Plan plan(Program p, Placing placing) {
        Levels levels = Levels.of(p);
        int last = 0;
        for (Output o : p.body().outputs()) {
            last = Math.max(last, levels.body[o.value()]);
        }
        for (ReductionSpec r : p.reductions()) {
            if (r.perWeight()) {
                last = Math.max(last, levels.body[r.arg()]);
            }
        }
        for (int o = 0; o < p.orth().size(); o++) {
            last = Math.max(last, levels.body[p.orth().get(o)]);
        }
        Plan recompute = build(p, levels, last, Placement.recompute(p, levels.body, last));
        if (crossesGlobalLevel(recompute, last)) {
            // kept values live per tensor and worker; a level that waits for every tensor
            // hands tensors to other workers, so such plans recompute
            return recompute;
        }
        Plan keep = build(p, levels, last, Placement.keep(p, levels.body, last));
        if (placing != Placing.CHEAPER) {
            return placing == Placing.KEEP ? keep : recompute;
        }
        int keepBytes = keep.bytesReadPerWeight() + keep.bytesWrittenPerWeight();
        int recomputeBytes = recompute.bytesReadPerWeight() + recompute.bytesWrittenPerWeight();
        return keepBytes < recomputeBytes ? keep : recompute;
    }

    private static boolean crossesGlobalLevel(Plan plan, int last) {
        for (int l = 1; l <= last && l < plan.global().length; l++) {
            if (plan.global()[l]) {
                return true;
            }
        }
        return false;
    }

    private static Plan build(Program p, Levels levels, int last, Placement placement) {
        Shape[] shapes = CoarseShapes.of(p);
        int[] orthLevel = new int[p.orth().size()];
        for (int o = 0; o < orthLevel.length; o++) {
            orthLevel[o] = levels.body[p.orth().get(o)];
        }
        // from the last pass down: a pass decides what it reads kept, which the earlier pass then computes
        List<Pass> passes = new ArrayList<>();
        for (int level = last; level >= 0; level--) {
            Pass pass = pass(p, levels, shapes, level, placement);
            if (pass != null) {
                passes.add(0, pass);
            }
        }
        int top = last;
        for (int l : levels.prelude) {
            top = Math.max(top, l);
        }
        boolean[] global = new boolean[top + 1];
        for (int i = 0; i < shapes.length; i++) {
            if (levels.prelude[i] > 0 && shapes[i] == Shape.ALL) {
                global[levels.prelude[i]] = true;
            }
        }
        Guard[] reductionGuards = new Guard[p.reductions().size()];
        Guard[] orthGuards = new Guard[p.orth().size()];
        Guards.of(p, shapes, levels.export, levels.prelude, levels.body, reductionGuards, orthGuards);
        return new Plan(p, shapes, levels.prelude, levels.export, passes, top + 1, global, orthLevel,
                placement.keeps(), List.of(reductionGuards), List.of(orthGuards));
    }

    /** The pass of {@code level}, or null when nothing is computed per weight at that level. */
    private static Pass pass(Program p, Levels levels, Shape[] shapes, int level, Placement placement) {
        List<Insn> body = p.body().insns();
        boolean[] live = new boolean[body.size()];
        boolean[] readKept = new boolean[body.size()];
        List<Integer> scratch = new ArrayList<>();
        List<ReductionSource> sources = new ArrayList<>();
        List<Output> roots = new ArrayList<>();
        boolean rowWise = false;
        for (int r = 0; r < p.reductions().size(); r++) {
            ReductionSpec spec = p.reductions().get(r);
            if (spec.perWeight() && levels.body[spec.arg()] == level) {
                ReductionSource source = ReductionSources.source(p, spec.arg(), level, placement);
                scratch.add(r);
                sources.add(source);
                rowWise |= spec.axis() == Axis.ROW || spec.axis() == Axis.COL;
            }
        }
        List<Integer> orthRoots = new ArrayList<>();
        for (int o = 0; o < p.orth().size(); o++) {
            if (levels.body[p.orth().get(o)] == level) {
                orthRoots.add(o);
            }
        }
        boolean stores = false;
        for (int o = 0; o < p.body().outputs().size(); o++) {
            if (placement.stores(o, level)) {
                roots.add(p.body().outputs().get(o));
                stores = true;
            }
        }
        List<Integer> keptRoots = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (placement.keptBy(i, level)) {
                keptRoots.add(i);
                live[i] = true;
            }
        }
        if (roots.isEmpty() && orthRoots.isEmpty() && keptRoots.isEmpty() && scratch.isEmpty()) {
            return null;
        }
        // The kernel stores a reduction's values into scratch when they lie nowhere else, and
        // also when a striped kernel may sum them in registers: then, if the kernel runs
        // anyway, that is cheaper than reading an array or a kept value a second time.
        boolean kernelRuns = stores || !orthRoots.isEmpty() || !keptRoots.isEmpty();
        for (ReductionSource source : sources) {
            kernelRuns |= source.kind() == ReductionSource.Kind.KERNEL;
        }
        List<Integer> striped = ReductionSources.striped(p, scratch, sources, kernelRuns);
        for (int s = 0; s < scratch.size(); s++) {
            if (sources.get(s).kind() == ReductionSource.Kind.KERNEL || striped.contains(s)) {
                roots.add(new Output(Output.Target.SCRATCH, s, p.reductions().get(scratch.get(s)).arg()));
            }
        }
        for (Output o : roots) {
            live[o.value()] = true;
        }
        for (int o : orthRoots) {
            live[p.orth().get(o)] = true;
        }
        for (int i = body.size() - 1; i >= 0; i--) {
            if (live[i]) {
                if (levels.body[i] < level && placement.readsKept(i, level)) {
                    readKept[i] = true;
                    continue;
                }
                Insn in = body.get(i);
                for (int k = 0; k < in.op().arity(); k++) {
                    live[in.operand(k)] = true;
                }
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Insn in = body.get(i);
            if (live[i] && !readKept[i] && (in.op() == Op.UNIFORM || in.op() == Op.UNIFORM_BOOL)) {
                Shape s = shapes[levels.export[in.slot()]];
                rowWise |= s == Shape.ROW || s == Shape.COL;
                if (s == Shape.COL && !columns.contains(in.slot())) {
                    columns.add(in.slot());
                }
            }
        }
        int arrays = p.states().size();
        int orthBase = arrays + columns.size() + scratch.size();
        int keptBase = orthBase + 2 * p.orth().size();
        PassBuilder b = new PassBuilder(body.size());
        for (int i = 0; i < body.size(); i++) {
            if (!live[i]) {
                continue;
            }
            Insn in = body.get(i);
            if (readKept[i]) {
                b.copy(i, new Insn(Op.LOAD_K, -1, -1, -1, 0, keptBase + placement.keptArray(i)));
            } else if ((in.op() == Op.UNIFORM || in.op() == Op.UNIFORM_BOOL)
                    && shapes[levels.export[in.slot()]] == Shape.COL) {
                b.columnLoad(i, arrays + columns.indexOf(in.slot()), in.op() == Op.UNIFORM_BOOL);
            } else if (in.op() == Op.LOAD_T) {
                b.copy(i, new Insn(Op.LOAD_S, -1, -1, -1, 0, orthBase + 2 * in.slot() + 1));
            } else {
                b.copy(i, in);
            }
        }
        List<Output> outputs = new ArrayList<>();
        for (Output o : roots) {
            int slot = o.target() == Output.Target.SCRATCH ? arrays + columns.size() + o.slot() : o.slot();
            outputs.add(new Output(o.target(), slot, b.at(o.value())));
        }
        for (int o : orthRoots) {
            outputs.add(new Output(Output.Target.STATE, orthBase + 2 * o, b.at(p.orth().get(o))));
        }
        for (int i : keptRoots) {
            outputs.add(new Output(Output.Target.KEPT, keptBase + placement.keptArray(i), b.at(i)));
        }
        return new Pass(level, new Block(b.insns, outputs), rowWise, columns, scratch, stores, orthRoots,
                !keptRoots.isEmpty(), sources, striped);
    }

    /** The instructions of one pass, renumbered densely. */
    private static final class PassBuilder {

        final List<Insn> insns = new ArrayList<>();
        private final int[] index;

        PassBuilder(int size) {
            index = new int[size];
        }

        int at(int old) {
            return index[old];
        }

        void copy(int old, Insn in) {
            index[old] = insns.size();
            insns.add(new Insn(in.op(), map(in.a()), map(in.b()), map(in.c()), in.value(), in.slot()));
        }

        /** A per-column value: a relative load, and for a truth value a comparison with 0. */
        void columnLoad(int old, int array, boolean truth) {
            insns.add(new Insn(Op.LOAD_R, -1, -1, -1, 0, array));
            if (truth) {
                insns.add(Insn.constant(0));
                insns.add(Insn.binary(Op.NE, insns.size() - 2, insns.size() - 1));
            }
            index[old] = insns.size() - 1;
        }

        private int map(int operand) {
            return operand < 0 ? -1 : index[operand];
        }
    }
}

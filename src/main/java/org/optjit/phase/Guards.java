package org.optjit.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.ir.ReductionSpec;
import org.optjit.sema.Axis;
import org.optjit.sema.Shape;

/**
 * Which reductions and {@code orth}s a uniform condition makes unnecessary: the language
 * promises that {@code c ? a : b} and {@code if} with a condition per step or per tensor
 * evaluate only the chosen branch, so that {@code ndim == 2 ? orth(m) : ...} does not
 * orthogonalise vectors. Every value gets the condition under which some output needs it,
 * as a set of literals that must all hold (a conjunction): the outputs need their values
 * always; the branches of a select on a uniform truth value need them under that literal;
 * a value needed along two paths keeps only the literals both share (a weaker condition, never
 * a wrong one). Body and prelude read each other (uniforms, reductions), so the two are
 * swept in turn until nothing changes.
 *
 * <p>A literal counts for a reduction or {@code orth} only if its value exists before the
 * pass that computes the argument (its level is not higher), and only for reductions whose
 * values belong to one tensor: an {@code [all]} reduction adds every tensor, whatever each
 * tensor's branch.
 */
final class Guards {

    /** The condition of each value: null = never needed, empty = always. Literals: 2 * insn + (negated ? 1 : 0). */
    private final TreeSet<Integer>[] body;
    private final TreeSet<Integer>[] prelude;
    private final Program p;
    private final Shape[] shapes;
    private final int[] export;

    @SuppressWarnings("unchecked")
    private Guards(Program p, Shape[] shapes, int[] export) {
        this.p = p;
        this.shapes = shapes;
        this.export = export;
        body = new TreeSet[p.body().size()];
        prelude = new TreeSet[p.prelude().size()];
        for (Output o : p.body().outputs()) {
            need(body, o.value(), new TreeSet<>());
        }
        for (Output o : p.prelude().outputs()) {
            if (o.target() == Output.Target.STATE) {
                need(prelude, o.value(), new TreeSet<>());
            }
        }
        while (sweep()) {
            // until no condition weakens further
        }
    }

    /** The guards of every reduction (by slot) and every orth, for a plan with these levels. */
    static void of(Program p, Shape[] shapes, int[] export, int[] preludeLevel, int[] bodyLevel,
                   Guard[] reductions, Guard[] orth) {
        Guards g = new Guards(p, shapes, export);
        List<Insn> pre = p.prelude().insns();
        for (int i = 0; i < pre.size(); i++) {
            if (pre.get(i).op() == Op.REDUCE) {
                ReductionSpec spec = p.reductions().get(pre.get(i).slot());
                reductions[pre.get(i).slot()] = spec.axis() == Axis.ALL ? Guard.ALWAYS
                        : g.guard(g.prelude[i], bodyLevel[spec.arg()], preludeLevel);
            }
        }
        for (int r = 0; r < reductions.length; r++) {
            if (reductions[r] == null) {
                reductions[r] = Guard.ALWAYS;
            }
        }
        for (int o = 0; o < orth.length; o++) {
            TreeSet<Integer> needed = null;
            List<Insn> b = p.body().insns();
            for (int i = 0; i < b.size(); i++) {
                if (b.get(i).op() == Op.LOAD_T && b.get(i).slot() == o) {
                    needed = join(needed, g.body[i]);
                }
            }
            orth[o] = g.guard(needed, bodyLevel[p.orth().get(o)], preludeLevel);
        }
    }

    /** The literals of {@code c} whose values exist before the pass of {@code level}. */
    private Guard guard(TreeSet<Integer> c, int level, int[] preludeLevel) {
        if (c == null) {
            c = new TreeSet<>(); // never needed: keep it simple and compute it
        }
        List<Integer> kept = new ArrayList<>();
        for (int lit : c) {
            if (preludeLevel[lit >> 1] <= level) {
                kept.add(lit);
            }
        }
        int[] insns = new int[kept.size()];
        boolean[] negated = new boolean[kept.size()];
        for (int k = 0; k < insns.length; k++) {
            insns[k] = kept.get(k) >> 1;
            negated[k] = (kept.get(k) & 1) == 1;
        }
        return new Guard(insns, negated);
    }

    private boolean sweep() {
        boolean changed = false;
        List<Insn> b = p.body().insns();
        for (int i = b.size() - 1; i >= 0; i--) {
            TreeSet<Integer> c = body[i];
            if (c == null) {
                continue;
            }
            Insn in = b.get(i);
            switch (in.op()) {
                case UNIFORM, UNIFORM_BOOL -> changed |= need(prelude, export[in.slot()], c);
                case SELECT -> {
                    int lit = literal(b.get(in.a()));
                    changed |= need(body, in.a(), c);
                    changed |= need(body, in.b(), lit < 0 ? c : with(c, lit));
                    changed |= need(body, in.c(), lit < 0 ? c : with(c, lit ^ 1));
                }
                default -> changed |= operands(body, in, c);
            }
        }
        List<Insn> pre = p.prelude().insns();
        for (int i = pre.size() - 1; i >= 0; i--) {
            TreeSet<Integer> c = prelude[i];
            if (c == null) {
                continue;
            }
            Insn in = pre.get(i);
            if (in.op() == Op.REDUCE) {
                changed |= need(body, p.reductions().get(in.slot()).arg(), c);
            } else if (in.op() == Op.SELECT && uniform(shapes[in.a()])) {
                changed |= need(prelude, in.a(), c);
                changed |= need(prelude, in.b(), with(c, 2 * in.a()));
                changed |= need(prelude, in.c(), with(c, 2 * in.a() + 1));
            } else {
                changed |= operands(prelude, in, c);
            }
        }
        return changed;
    }

    /** The literal a body condition stands for: a uniform truth value, or its negation; -1 if none. */
    private int literal(Insn cond) {
        if (cond.op() == Op.UNIFORM_BOOL && uniform(shapes[export[cond.slot()]])) {
            return 2 * export[cond.slot()];
        }
        if (cond.op() == Op.NOT) {
            Insn inner = p.body().insns().get(cond.a());
            int lit = inner.op() == Op.UNIFORM_BOOL ? literal(inner) : -1;
            return lit < 0 ? -1 : lit ^ 1;
        }
        return -1;
    }

    private static boolean uniform(Shape s) {
        return s == Shape.STEP || s == Shape.ALL || s == Shape.TENSOR;
    }

    private boolean operands(TreeSet<Integer>[] values, Insn in, TreeSet<Integer> c) {
        boolean changed = false;
        for (int k = 0; k < in.op().arity(); k++) {
            changed |= need(values, in.operand(k), c);
        }
        return changed;
    }

    private static TreeSet<Integer> with(TreeSet<Integer> c, int lit) {
        TreeSet<Integer> s = new TreeSet<>(c);
        s.add(lit);
        return s;
    }

    /** Joins {@code c} into value {@code i}'s condition; whether it changed. */
    private static boolean need(TreeSet<Integer>[] values, int i, TreeSet<Integer> c) {
        if (values[i] != null && c.containsAll(values[i])) {
            return false; // the join is the condition it has (most calls of a sweep)
        }
        values[i] = join(values[i], c);
        return true;
    }

    /**
     * Needed under a or under b: the literals both share. Conditions are never changed once
     * made (a new one is made instead), so the join may be {@code a} or {@code b} itself.
     */
    private static TreeSet<Integer> join(TreeSet<Integer> a, TreeSet<Integer> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (b.containsAll(a)) {
            return a;
        }
        if (a.containsAll(b)) {
            return b;
        }
        TreeSet<Integer> s = new TreeSet<>(a);
        s.retainAll(b);
        return s;
    }
}

package org.optjit.phase;

import java.util.List;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;

/**
 * The level of every instruction of a program: how many passes over the weights must finish
 * before its value exists. Leaves are at level 0; a reduction of a per-weight value, or an
 * {@code orth}, is one level above its argument (the argument's pass must have seen every
 * weight); anything else is at the highest level of its operands. The body reads the prelude
 * through exports and the prelude reads the body through reductions, so the two are iterated
 * until no level changes (once per nested reduction).
 */
final class Levels {

    final int[] prelude;
    final int[] body;
    /** The prelude instruction of each export slot. */
    final int[] export;

    private Levels(Program p) {
        prelude = new int[p.prelude().size()];
        body = new int[p.body().size()];
        export = exports(p);
        for (boolean changed = true; changed; ) {
            changed = false;
            List<Insn> pre = p.prelude().insns();
            for (int i = 0; i < pre.size(); i++) {
                Insn in = pre.get(i);
                int l = in.op() == Op.REDUCE ? body[p.reductions().get(in.slot()).arg()] + 1 : operands(in, prelude);
                changed |= raise(prelude, i, l);
            }
            List<Insn> b = p.body().insns();
            for (int i = 0; i < b.size(); i++) {
                Insn in = b.get(i);
                int l = switch (in.op()) {
                    case UNIFORM, UNIFORM_BOOL -> prelude[export[in.slot()]];
                    case LOAD_T -> body[p.orth().get(in.slot())] + 1;
                    default -> operands(in, body);
                };
                changed |= raise(body, i, l);
            }
        }
    }

    static Levels of(Program p) {
        return new Levels(p);
    }

    static int[] exports(Program p) {
        int[] export = new int[p.uniformCount()];
        for (Output o : p.prelude().outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                export[o.slot()] = o.value();
            }
        }
        return export;
    }

    private static boolean raise(int[] levels, int i, int l) {
        if (l > levels[i]) {
            levels[i] = l;
            return true;
        }
        return false;
    }

    private static int operands(Insn in, int[] levels) {
        int l = 0;
        for (int k = 0; k < in.op().arity(); k++) {
            l = Math.max(l, levels[in.operand(k)]);
        }
        return l;
    }
}

package org.optjit.ir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Drops what no output needs (dead temporaries, overwritten values, unused branches of a
 * select) from a body and its prelude, and numbers the surviving export slots densely in
 * the order the body uses them.
 */
final class DeadCode {

    /** The pruned blocks and where each old prelude instruction went (-1: dropped). */
    record Result(Block prelude, Block body, int[] preludeIndex) {
    }

    private DeadCode() {
    }

    /**
     * @param bodyOutputs   the body's stores
     * @param preludeRoots  prelude instructions to keep although the body does not use them
     *                      (step scalars, for {@code explain})
     */
    static Result prune(SplitBuilder b, List<Output> bodyOutputs, Collection<Integer> preludeRoots) {
        List<Insn> body = b.body.insns();
        boolean[] liveBody = new boolean[body.size()];
        for (Output o : bodyOutputs) {
            liveBody[o.value()] = true;
        }
        mark(body, liveBody);

        List<Insn> prelude = b.prelude.insns();
        boolean[] livePrelude = new boolean[prelude.size()];
        for (int root : preludeRoots) {
            livePrelude[root] = true;
        }
        int[] newSlot = new int[b.exports().size()];
        int slots = 0;
        List<Integer> exportOf = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (liveBody[i] && isUniform(body.get(i).op())) {
                int old = body.get(i).slot();
                newSlot[old] = slots++;
                exportOf.add(b.exports().get(old));
                livePrelude[b.exports().get(old)] = true;
            }
        }
        mark(prelude, livePrelude);

        int[] pIndex = renumber(livePrelude);
        int[] bIndex = renumber(liveBody);
        List<Insn> newPrelude = compact(prelude, livePrelude, pIndex, null);
        List<Insn> newBody = compact(body, liveBody, bIndex, newSlot);
        List<Output> preludeOutputs = new ArrayList<>();
        for (int s = 0; s < exportOf.size(); s++) {
            preludeOutputs.add(new Output(Output.Target.EXPORT, s, pIndex[exportOf.get(s)]));
        }
        List<Output> newOutputs = new ArrayList<>();
        for (Output o : bodyOutputs) {
            newOutputs.add(new Output(o.target(), o.slot(), bIndex[o.value()]));
        }
        return new Result(new Block(newPrelude, preludeOutputs), new Block(newBody, newOutputs), pIndex);
    }

    private static boolean isUniform(Op op) {
        return op == Op.UNIFORM || op == Op.UNIFORM_BOOL;
    }

    /** Marks the operands of live instructions live, last to first (operands come earlier). */
    private static void mark(List<Insn> insns, boolean[] live) {
        for (int i = insns.size() - 1; i >= 0; i--) {
            if (live[i]) {
                Insn in = insns.get(i);
                for (int k = 0; k < in.op().arity(); k++) {
                    live[in.operand(k)] = true;
                }
            }
        }
    }

    private static int[] renumber(boolean[] live) {
        int[] index = new int[live.length];
        int n = 0;
        for (int i = 0; i < live.length; i++) {
            index[i] = live[i] ? n++ : -1;
        }
        return index;
    }

    private static List<Insn> compact(List<Insn> insns, boolean[] live, int[] index, int[] newSlot) {
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            if (!live[i]) {
                continue;
            }
            Insn in = insns.get(i);
            int slot = newSlot != null && isUniform(in.op()) ? newSlot[in.slot()] : in.slot();
            out.add(new Insn(in.op(), at(index, in.a()), at(index, in.b()), at(index, in.c()), in.value(), slot));
        }
        return out;
    }

    private static int at(int[] index, int operand) {
        return operand < 0 ? -1 : index[operand];
    }
}

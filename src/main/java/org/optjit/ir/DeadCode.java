package org.optjit.ir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Drops what no output needs (dead temporaries, overwritten values, unused branches of a
 * select, unused reductions) from a body and its prelude, and numbers the surviving export
 * slots densely in the order the body uses them, and the surviving reductions in the order
 * the prelude uses them. The two blocks need each other across exports (the body reads the
 * prelude) and reductions (the prelude reads reductions of body values), so liveness is
 * propagated back and forth until it settles; each round follows one more reduction.
 */
final class DeadCode {

    /** The pruned blocks, where each old prelude instruction went (-1: dropped), and the reductions. */
    record Result(Block prelude, Block body, int[] preludeIndex, List<ReductionSpec> reductions,
                  List<Integer> orth) {
    }

    private DeadCode() {
    }

    static Result prune(SplitBuilder b, List<Output> bodyOutputs, Collection<Integer> preludeRoots) {
        return prune(b, bodyOutputs, List.of(), preludeRoots);
    }

    /**
     * @param bodyOutputs    the body's stores
     * @param preludeOutputs the prelude's stores of coarse state
     * @param preludeRoots   prelude instructions to keep although the body does not use them
     *                       (step scalars, for {@code explain})
     */
    static Result prune(SplitBuilder b, List<Output> bodyOutputs, List<Output> preludeOutputs,
                        Collection<Integer> preludeRoots) {
        List<Insn> body = b.body.insns();
        boolean[] liveBody = new boolean[body.size()];
        for (Output o : bodyOutputs) {
            liveBody[o.value()] = true;
        }
        List<Insn> prelude = b.prelude.insns();
        boolean[] livePrelude = new boolean[prelude.size()];
        for (int root : preludeRoots) {
            livePrelude[root] = true;
        }
        for (Output o : preludeOutputs) {
            livePrelude[o.value()] = true;
        }
        for (boolean more = true; more; ) {
            mark(body, liveBody);
            for (int i = 0; i < body.size(); i++) {
                if (liveBody[i] && isUniform(body.get(i).op())) {
                    livePrelude[b.exports().get(body.get(i).slot())] = true;
                }
            }
            mark(prelude, livePrelude);
            more = false;
            for (int i = body.size() - 1; i >= 0; i--) {
                if (liveBody[i] && body.get(i).op() == Op.LOAD_T) {
                    int arg = b.orth.get(body.get(i).slot());
                    more |= !liveBody[arg];
                    liveBody[arg] = true;
                }
            }
            for (int i = 0; i < prelude.size(); i++) {
                if (livePrelude[i] && prelude.get(i).op() == Op.REDUCE) {
                    int arg = b.reductions.get(prelude.get(i).slot()).arg();
                    more |= !liveBody[arg];
                    liveBody[arg] = true;
                }
            }
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
        int[] newReduction = new int[b.reductions.size()];
        List<ReductionSpec> reductions = new ArrayList<>();
        for (int i = 0; i < prelude.size(); i++) {
            Op op = prelude.get(i).op();
            if (livePrelude[i] && (op == Op.REDUCE || op == Op.REDUCE_OF)) {
                ReductionSpec r = b.reductions.get(prelude.get(i).slot());
                newReduction[prelude.get(i).slot()] = reductions.size();
                reductions.add(r.perWeight() ? r.withArg(bIndex[r.arg()]) : r);
            }
        }
        int[] newOrth = new int[b.orth.size()];
        List<Integer> orth = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (liveBody[i] && body.get(i).op() == Op.LOAD_T) {
                newOrth[body.get(i).slot()] = orth.size();
                orth.add(bIndex[b.orth.get(body.get(i).slot())]);
            }
        }
        List<Insn> newPrelude = compact(prelude, livePrelude, pIndex, null, newReduction, null);
        List<Insn> newBody = compact(body, liveBody, bIndex, newSlot, null, newOrth);
        List<Output> outputs = new ArrayList<>();
        for (int s = 0; s < exportOf.size(); s++) {
            outputs.add(new Output(Output.Target.EXPORT, s, pIndex[exportOf.get(s)]));
        }
        for (Output o : preludeOutputs) {
            outputs.add(new Output(o.target(), o.slot(), pIndex[o.value()]));
        }
        List<Output> newOutputs = new ArrayList<>();
        for (Output o : bodyOutputs) {
            newOutputs.add(new Output(o.target(), o.slot(), bIndex[o.value()]));
        }
        return new Result(new Block(newPrelude, outputs), new Block(newBody, newOutputs), pIndex, reductions, orth);
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

    private static List<Insn> compact(List<Insn> insns, boolean[] live, int[] index, int[] newSlot,
                                      int[] newReduction, int[] newOrth) {
        List<Insn> out = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            if (!live[i]) {
                continue;
            }
            Insn in = insns.get(i);
            int slot = in.slot();
            if (newSlot != null && isUniform(in.op())) {
                slot = newSlot[in.slot()];
            } else if (in.op() == Op.REDUCE || in.op() == Op.REDUCE_OF) {
                slot = newReduction[in.slot()];
            } else if (in.op() == Op.LOAD_T) {
                slot = newOrth[in.slot()];
            }
            out.add(new Insn(in.op(), at(index, in.a()), at(index, in.b()), at(index, in.c()), in.value(), slot));
        }
        return out;
    }

    private static int at(int[] index, int operand) {
        return operand < 0 ? -1 : index[operand];
    }
}

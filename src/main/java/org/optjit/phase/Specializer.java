package org.optjit.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * A pass body with some of its uniform truth values ({@link Op#UNIFORM_BOOL}) fixed: selects
 * on them take their chosen operand, logic on them folds, and what only the other branch
 * needed drops out. Outputs the caller names dead go too, and so does a store of an array's
 * own unchanged value ({@code v} on the branch that does not update it), so a branch that
 * leaves a state alone neither loads nor stores it. The values that remain are computed by the
 * same instructions in the same order: the variant gives the bits of the original body
 * wherever its truth values hold.
 */
final class Specializer {

    private Specializer() {
    }

    /**
     * @param truth the fixed values, by uniform slot
     * @param dead  outputs no later work reads under these values
     */
    static Block specialize(Block body, Map<Integer, Boolean> truth, Predicate<Output> dead) {
        List<Insn> in = body.insns();
        int n = in.size();
        int[] alias = new int[n];       // the instruction that gives i's value
        Boolean[] known = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Insn x = in.get(i);
            alias[i] = i;
            switch (x.op()) {
                case UNIFORM_BOOL -> known[i] = truth.get(x.slot());
                case NOT -> known[i] = known[alias[x.a()]] == null ? null : !known[alias[x.a()]];
                case AND, OR -> {
                    boolean and = x.op() == Op.AND;
                    Boolean a = known[alias[x.a()]];
                    Boolean b = known[alias[x.b()]];
                    Boolean absorbing = !and;   // false absorbs an and, true an or
                    if (absorbing.equals(a) || absorbing.equals(b)) {
                        known[i] = absorbing;
                    } else if (a != null && b != null) {
                        known[i] = and;
                    } else if (a != null) {
                        alias[i] = alias[x.b()];
                    } else if (b != null) {
                        alias[i] = alias[x.a()];
                    }
                }
                case SELECT -> {
                    Boolean c = known[alias[x.a()]];
                    if (c != null) {
                        alias[i] = alias[c ? x.b() : x.c()];
                    }
                }
                default -> {
                }
            }
        }
        List<Output> outputs = new ArrayList<>();
        boolean[] live = new boolean[n];
        for (Output o : body.outputs()) {
            int v = alias[o.value()];
            if (dead.test(o) || unchanged(o, in.get(v))) {
                continue;
            }
            outputs.add(new Output(o.target(), o.slot(), v));
            live[v] = true;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (live[i]) {
                Insn x = in.get(i);
                for (int k = 0; k < x.op().arity(); k++) {
                    live[alias[x.operand(k)]] = true;
                }
            }
        }
        int[] renumber = new int[n];
        List<Insn> insns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (live[i]) {
                Insn x = in.get(i);
                renumber[i] = insns.size();
                insns.add(new Insn(x.op(), operand(x, 0, alias, renumber), operand(x, 1, alias, renumber),
                        operand(x, 2, alias, renumber), x.value(), x.slot()));
            }
        }
        List<Output> renumbered = new ArrayList<>();
        for (Output o : outputs) {
            renumbered.add(new Output(o.target(), o.slot(), renumber[o.value()]));
        }
        return new Block(insns, renumbered);
    }

    /** Whether {@code o} stores the value its array already holds at that weight. */
    private static boolean unchanged(Output o, Insn value) {
        return switch (o.target()) {
            case WEIGHT -> value.op() == Op.LOAD_W;
            case STATE -> value.op() == Op.LOAD_S && value.slot() == o.slot();
            default -> false;
        };
    }

    private static int operand(Insn x, int k, int[] alias, int[] renumber) {
        return k < x.op().arity() ? renumber[alias[x.operand(k)]] : -1;
    }
}

package org.optjit.ir;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@link Block} in SSA form, with two optimisations applied as instructions are
 * added: constant folding in the block's {@link Precision}, and common-subexpression
 * elimination by hash-consing (an instruction equal to an earlier one is that one; loads
 * are instructions too, so each array element is loaded at most once). It also records
 * which instructions are sign-valued (see {@link #isSignValued}).
 */
final class BlockBuilder {

    private final Precision precision;
    private final List<Insn> insns = new ArrayList<>();
    private final Map<Insn, Integer> index = new HashMap<>();
    private final BitSet signValued = new BitSet();

    BlockBuilder(Precision precision) {
        this.precision = precision;
    }

    Insn insn(int i) {
        return insns.get(i);
    }

    List<Insn> insns() {
        return insns;
    }

    boolean isConstant(int i) {
        return insns.get(i).op() == Op.CONST;
    }

    /** The value of instruction {@code i}, a CONST. */
    double constantValue(int i) {
        return insns.get(i).value();
    }

    /**
     * Whether instruction {@code i} can only be -1, -0, +0, +1 or NaN, whatever the inputs:
     * a {@code sign}, such a constant, and what negation, {@code abs}, products, minima,
     * maxima and selects make of sign values. {@link SignPowers} uses it.
     */
    boolean isSignValued(int i) {
        return signValued.get(i);
    }

    private boolean signValued(Insn in) {
        return switch (in.op()) {
            case SIGN -> true;
            case CONST -> Double.isNaN(in.value()) || Math.abs(in.value()) == 1 || in.value() == 0;
            case NEG, ABS -> signValued.get(in.a());
            case MUL, MIN, MAX -> signValued.get(in.a()) && signValued.get(in.b());
            case SELECT -> signValued.get(in.b()) && signValued.get(in.c());
            default -> false;
        };
    }

    int constant(double v) {
        return add(Insn.constant(precision.round(v)));
    }

    int leaf(Op op, int slot) {
        return add(Insn.leaf(op, slot));
    }

    int unary(Op op, int a) {
        if (isConstant(a)) {
            return constant(Fold.apply(op, constantValue(a), 0));
        }
        return add(Insn.unary(op, a));
    }

    int binary(Op op, int a, int b) {
        if (isConstant(a) && isConstant(b)) {
            return constant(Fold.apply(op, constantValue(a), constantValue(b)));
        }
        if (op == Op.AND || op == Op.OR) {
            Integer simpler = logic(op, a, b);
            if (simpler != null) {
                return simpler;
            }
        }
        return add(Insn.binary(op, a, b));
    }

    /** {@code x && true} is x, {@code x && false} is false, and the same for ||. */
    private Integer logic(Op op, int a, int b) {
        int known = isConstant(a) ? a : isConstant(b) ? b : -1;
        if (known < 0) {
            return null;
        }
        int other = known == a ? b : a;
        boolean value = constantValue(known) != 0;
        boolean decides = op == Op.AND ? !value : value;
        return decides ? known : other;
    }

    /** Reduction {@code slot} of the coarse value {@code a}; never folded (it reduces many values). */
    int reduceOf(int a, int slot) {
        return add(new Insn(Op.REDUCE_OF, a, -1, -1, 0, slot));
    }

    int select(int cond, int ifTrue, int ifFalse) {
        if (isConstant(cond)) {
            return constantValue(cond) != 0 ? ifTrue : ifFalse;
        }
        if (ifTrue == ifFalse) {
            return ifTrue;
        }
        return add(Insn.select(cond, ifTrue, ifFalse));
    }

    private int add(Insn insn) {
        Integer known = index.get(insn);
        if (known != null) {
            return known;
        }
        insns.add(insn);
        int i = insns.size() - 1;
        index.put(insn, i);
        signValued.set(i, signValued(insn));
        return i;
    }
}

package org.optjit.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;
import org.optjit.sema.Shape;

/**
 * Builds a prelude (double, once per step) and a body (float32, once per weight) together.
 * An operation goes to the prelude when all its operands are uniform, which hoists every
 * subexpression that depends only on literals, hyperparameters and t; otherwise it goes
 * to the body, and each uniform operand crosses over once, rounded to float: as a body
 * constant if it folded to one, else through an export slot (UNIFORM / UNIFORM_BOOL).
 * This is the double-precision prelude rule of docs/language.md.
 */
final class SplitBuilder {

    /** The largest integer power written as repeated multiplication. */
    static final int MAX_MULTIPLIED_POWER = 4;

    final BlockBuilder prelude = new BlockBuilder(Precision.DOUBLE);
    final BlockBuilder body = new BlockBuilder(Precision.FLOAT);
    private final Map<Integer, Integer> crossed = new HashMap<>();
    private final List<Integer> exports = new ArrayList<>();
    /** The reductions made so far, by slot. */
    final List<ReductionSpec> reductions = new ArrayList<>();
    /** The body instruction each {@code orth} orthogonalises, by slot. */
    final List<Integer> orth = new ArrayList<>();
    private final List<StateVar> states;
    private Shape[] shapes = new Shape[16];
    private int shaped;

    /** @param states every state of the rule, by slot (their classes decide coarse loads) */
    SplitBuilder(List<StateVar> states) {
        this.states = states;
    }

    /** A builder for blocks without state (defaults, initial values). */
    SplitBuilder() {
        this(List.of());
    }

    /** The shape class of a value: a prelude value's, or per weight. */
    Shape shapeOf(Ref r) {
        if (!r.uniform()) {
            return Shape.WEIGHT;
        }
        while (shaped <= r.index()) {
            if (shaped == shapes.length) {
                shapes = java.util.Arrays.copyOf(shapes, shapes.length * 2);
            }
            shapes[shaped] = CoarseShapes.of(prelude.insn(shaped), shapes, states, reductions);
            shaped++;
        }
        return shapes[r.index()];
    }

    /** Whether two values can meet in the prelude: both coarse, and not per row with per column. */
    private boolean coarse(Ref... refs) {
        Shape s = Shape.STEP;
        for (Ref r : refs) {
            if (!r.uniform()) {
                return false;
            }
            s = s.join(shapeOf(r));
        }
        return s != Shape.WEIGHT;
    }

    /**
     * {@code kind[axis](arg)}. A per-weight argument stays in the body (the phase stage
     * accumulates it over a pass); a coarse one is reduced in the prelude. The same
     * reduction of the same value is made once.
     */
    Ref reduce(Reduction kind, Axis axis, Ref arg) {
        Shape argShape = shapeOf(arg);
        Shape result = axis.reduce(argShape);
        if (result == null) {
            // The analysis saw a per-weight value that lowering found to be the same for every
            // weight (a state whose value this step is per step, say): reduce its copies.
            arg = Ref.perWeight(inBody(arg));
            argShape = Shape.WEIGHT;
            result = axis.reduce(argShape);
        }
        ReductionSpec spec = new ReductionSpec(kind, axis, argShape, result, arg.uniform() ? -1 : arg.index());
        int slot = reductions.indexOf(spec);
        if (slot < 0 || arg.uniform()) {
            slot = reductions.size();
            reductions.add(spec);
        }
        return arg.uniform() ? Ref.uniform(prelude.reduceOf(arg.index(), slot)) : Ref.uniform(prelude.leaf(Op.REDUCE, slot));
    }

    /** The prelude instruction of each export slot, in slot order. */
    List<Integer> exports() {
        return exports;
    }

    Ref constant(double v) {
        return Ref.uniform(prelude.constant(v));
    }

    Ref preludeLeaf(Op op, int slot) {
        return Ref.uniform(prelude.leaf(op, slot));
    }

    Ref bodyLeaf(Op op, int slot) {
        return Ref.perWeight(body.leaf(op, slot));
    }

    /** The body instruction that holds {@code r}. */
    int inBody(Ref r) {
        if (!r.uniform()) {
            return r.index();
        }
        Integer known = crossed.get(r.index());
        if (known != null) {
            return known;
        }
        int i;
        if (prelude.isConstant(r.index())) {
            i = body.constant(prelude.constantValue(r.index()));
        } else {
            Op op = prelude.insn(r.index()).op().type() == Op.Type.BOOL ? Op.UNIFORM_BOOL : Op.UNIFORM;
            i = body.leaf(op, exports.size());
            exports.add(r.index());
        }
        crossed.put(r.index(), i);
        return i;
    }

    Ref unary(Op op, Ref a) {
        if (op == Op.EXP && SignPowers.isSignValued(this, a)) {
            return SignPowers.exp(this, a);
        }
        return a.uniform() ? Ref.uniform(prelude.unary(op, a.index())) : Ref.perWeight(body.unary(op, a.index()));
    }

    /** {@code orth(x)} of a per-weight value: a tensor operation between passes. */
    Ref orth(Ref x) {
        int arg = inBody(x);
        int slot = orth.indexOf(arg);
        if (slot < 0) {
            slot = orth.size();
            orth.add(arg);
        }
        return Ref.perWeight(body.leaf(Op.LOAD_T, slot));
    }

    Ref binary(Op op, Ref a, Ref b) {
        if (coarse(a, b)) {
            return Ref.uniform(prelude.binary(op, a.index(), b.index()));
        }
        return Ref.perWeight(body.binary(op, inBody(a), inBody(b)));
    }

    Ref select(Ref cond, Ref ifTrue, Ref ifFalse) {
        if (cond.uniform() && prelude.isConstant(cond.index())) {
            return prelude.constantValue(cond.index()) != 0 ? ifTrue : ifFalse;
        }
        if (ifTrue.equals(ifFalse)) {
            return ifTrue;
        }
        if (coarse(cond, ifTrue, ifFalse)) {
            return Ref.uniform(prelude.select(cond.index(), ifTrue.index(), ifFalse.index()));
        }
        return Ref.perWeight(body.select(inBody(cond), inBody(ifTrue), inBody(ifFalse)));
    }

    /**
     * {@code x^y}: with a constant exponent, 0.5 is a square root and the integers 0 to
     * {@link #MAX_MULTIPLIED_POWER} are multiplications from the left ({@code x^3 =
     * (x*x)*x}); these match {@code Math.pow} up to its own rounding and are what the
     * language reference promises. A per-step base to a sign-valued exponent is a select
     * ({@link SignPowers}). Anything else is POW.
     */
    Ref power(Ref x, Ref y) {
        if (y.uniform() && prelude.isConstant(y.index())) {
            double e = prelude.constantValue(y.index());
            if (e == 0.5) {
                return unary(Op.SQRT, x);
            }
            if (e == 0) {
                return constant(1); // Math.pow(x, 0) is 1 for every x, NaN included
            }
            if (e == Math.rint(e) && e >= 1 && e <= MAX_MULTIPLIED_POWER) {
                Ref r = x;
                for (int k = 1; k < (int) e; k++) {
                    r = binary(Op.MUL, r, x);
                }
                return r;
            }
        }
        if (SignPowers.applies(this, x, y)) {
            return SignPowers.pow(this, x, y);
        }
        return binary(Op.POW, x, y);
    }
}

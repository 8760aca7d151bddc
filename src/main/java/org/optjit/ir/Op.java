package org.optjit.ir;

/**
 * The operations of the IR. The same set serves both blocks of a {@link Program}: the
 * prelude evaluates them in double precision once per step, the body in IEEE float32 once
 * per weight.
 *
 * <p>Exact semantics (every backend must match them; the interpreter is the oracle):
 * <ul>
 *   <li>{@link #SIGN} is {@code Math.signum}: +1, -1, and the argument itself for
 *       +0, -0 and NaN.</li>
 *   <li>{@link #MIN}/{@link #MAX} are {@code Math.min}/{@code Math.max}: NaN wins, and
 *       -0 is less than +0. {@code clip(x, lo, hi)} is lowered to
 *       {@code MIN(MAX(x, lo), hi)}.</li>
 *   <li>{@link #SQRT}, {@link #ADD} ... {@link #DIV} are the IEEE operations of the block's
 *       precision (float32 sqrt is correctly rounded, so {@code (float) Math.sqrt(x)}
 *       equals it).</li>
 *   <li>{@link #EXP}, {@link #LOG}, {@link #LOG2}, {@link #POW}, {@link #COS}, {@link #SIN},
 *       {@link #TANH} are computed in double ({@code Math.exp}, {@code Math.log},
 *       {@code Math.log(x) / Math.log(2)}, {@code Math.pow}, {@code Math.cos} ...) and, in the
 *       body, rounded to float once. Backends other than
 *       the interpreter and SCALAR may differ by a stated tolerance here only.</li>
 *   <li>{@link #FLOOR}, {@link #CEIL}: {@code Math.floor}/{@code Math.ceil}.</li>
 *   <li>Comparisons are IEEE (false when either side is NaN, except {@link #NE}).</li>
 *   <li>{@link #SELECT}: {@code a ? b : c} where {@code a} is a truth value.</li>
 *   <li>{@link #FLOAT} (prelude only): rounds to the nearest float.</li>
 * </ul>
 * In the prelude, truth values are represented as 1.0 (true) and 0.0 (false).
 */
public enum Op {
    // leaves
    /** A literal; {@link Insn#value()}. In the body it is already a float value. */
    CONST(0, Type.NUM),
    /** Prelude only: hyperparameter number {@link Insn#slot()} (double). */
    HYPER(0, Type.NUM),
    /** Prelude only: the step number t (1 on the first step). */
    STEP(0, Type.NUM),
    /** Body only: {@code w[i]}. */
    LOAD_W(0, Type.NUM),
    /** Body only: {@code g[i]}. */
    LOAD_G(0, Type.NUM),
    /** Body only: {@code state[slot][i]}. */
    LOAD_S(0, Type.NUM),
    /** Body only: prelude export number {@code slot}, rounded to float once per step. */
    UNIFORM(0, Type.NUM),
    /** Body only: prelude export number {@code slot} as a truth value (non-zero is true). */
    UNIFORM_BOOL(0, Type.BOOL),
    /**
     * Pass bodies only: {@code state[slot][i - from]}, an array indexed from the first weight
     * of the call, not from the start of the weights (a per-column value, one per column of
     * the row a call covers).
     */
    LOAD_R(0, Type.NUM),
    /**
     * Pass bodies only: {@code state[slot][i - origin]}, a value an earlier pass kept
     * ({@link Output.Target#KEPT}), in an array indexed from the kernel's {@code origin}: the
     * first weight of the tensor (or part of one) that the passes run over, whatever the calls
     * a pass is cut into, so that a pass without sums runs over a tensor in one call.
     */
    LOAD_K(0, Type.NUM),
    /**
     * Body only: element {@code i} of the result of tensor operation {@code slot}
     * ({@code orth}, {@link Program#orth()}), computed tensor by tensor before the pass that
     * reads it.
     */
    LOAD_T(0, Type.NUM),

    /** Prelude only: a shape value of the tensor; slot 0 rows, 1 cols, 2 size, 3 ndim. */
    SHAPE(0, Type.NUM),
    /** Prelude only: the value of a coarse (per tensor, row, column or step) state {@code slot}. */
    COARSE_STATE(0, Type.NUM),
    /**
     * Prelude only: the result of reduction {@code slot} ({@link Program#reductions()}) of a
     * per-weight value, the body instruction {@link ReductionSpec#arg()}.
     */
    REDUCE(0, Type.NUM),

    /**
     * Prelude only: the nearest float, as a double ({@code (double) (float) x}). It is what
     * a per-step value becomes when it crosses into the body, so the prelude can compute,
     * once per step, exactly what the body would compute from that float (see
     * {@code SignPowers}).
     */
    FLOAT(1, Type.NUM),

    // unary numeric
    NEG(1, Type.NUM), ABS(1, Type.NUM), SQRT(1, Type.NUM), SIGN(1, Type.NUM),
    EXP(1, Type.NUM), LOG(1, Type.NUM), LOG2(1, Type.NUM), FLOOR(1, Type.NUM), CEIL(1, Type.NUM),
    COS(1, Type.NUM), SIN(1, Type.NUM), TANH(1, Type.NUM),

    // binary numeric
    ADD(2, Type.NUM), SUB(2, Type.NUM), MUL(2, Type.NUM), DIV(2, Type.NUM),
    MIN(2, Type.NUM), MAX(2, Type.NUM), POW(2, Type.NUM),
    /** {@code a % b}: Java's remainder, with the sign of {@code a} (exact). */
    MOD(2, Type.NUM),

    /**
     * Prelude only: reduction {@code slot} ({@link Program#reductions()}) of the coarse prelude
     * value {@code a} (a per-row value summed per tensor, say).
     */
    REDUCE_OF(1, Type.NUM),

    // comparisons: numbers -> truth value
    LT(2, Type.BOOL), LE(2, Type.BOOL), GT(2, Type.BOOL), GE(2, Type.BOOL),
    EQ(2, Type.BOOL), NE(2, Type.BOOL),

    // logic: truth values -> truth value
    AND(2, Type.BOOL), OR(2, Type.BOOL), NOT(1, Type.BOOL),

    /** {@code a ? b : c}; a is a truth value, b and c numbers. */
    SELECT(3, Type.NUM);

    /** What an instruction's value is. */
    public enum Type { NUM, BOOL }

    private final int arity;
    private final Type type;

    Op(int arity, Type type) {
        this.arity = arity;
        this.type = type;
    }

    /** Number of operands (instruction references) this operation takes. */
    public int arity() {
        return arity;
    }

    /** The type of the result. */
    public Type type() {
        return type;
    }

    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }

    public boolean isLogic() {
        return this == AND || this == OR || this == NOT;
    }

    /** Operations evaluated through double-precision library calls; see class comment. */
    public boolean isTranscendental() {
        return this == EXP || this == LOG || this == LOG2 || this == POW || this == COS || this == SIN
                || this == TANH;
    }

    /** Leaves and the reduction: operations with no instruction operands in the IR's sense. */
    public boolean isLeaf() {
        return arity == 0;
    }
}

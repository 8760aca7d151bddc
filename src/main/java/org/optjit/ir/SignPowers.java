package org.optjit.ir;

/**
 * Powers whose per-weight exponent is a sign. PowerSign (Bello et al., "Neural optimizer
 * search with reinforcement learning", ICML 2017, section 5) scales each step by
 * {@code base^(sign(g)*sign(m))}, and its variants by {@code exp(sign(g)*sign(m))}: a
 * transcendental per weight, which costs more than the whole rest of the update (the
 * vector loop would be bound by it, not by memory). But such an exponent can only be -1,
 * 0 or +1 (or NaN), so the power is one of three values known once per step.
 *
 * <p>The rewrite is exact: with {@code y} sign-valued ({@link BlockBuilder#isSignValued})
 * and {@code b} the per-step base rounded to float as the body sees it,
 * <pre>
 *   b^y    = y &gt; 0 ? b^1    : y &lt; 0 ? b^-1    : y + 1
 *   exp(y) = y &gt; 0 ? exp(1) : y &lt; 0 ? exp(-1) : y + 1
 * </pre>
 * where {@code b^1} and {@code b^-1} are computed in the prelude from {@code b} itself
 * ({@link Op#FLOAT}), so they round to exactly the float the body's {@code pow} would
 * give, and {@code y + 1} is 1 for y = ±0 and NaN for y = NaN, as {@code Math.pow} and
 * {@code Math.exp} are.
 */
final class SignPowers {

    private SignPowers() {
    }

    /** Whether {@code base^y} is rewritten: a per-step base and a sign-valued exponent. */
    static boolean applies(SplitBuilder b, Ref base, Ref y) {
        return base.uniform() && isSignValued(b, y);
    }

    /** Whether {@code exp(y)} is rewritten: a sign-valued per-weight argument. */
    static boolean isSignValued(SplitBuilder b, Ref y) {
        return !y.uniform() && b.body.isSignValued(y.index());
    }

    /** {@code base^y} for a per-step base and a sign-valued exponent. */
    static Ref pow(SplitBuilder b, Ref base, Ref y) {
        Ref rounded = b.unary(Op.FLOAT, base);
        return choose(b, y, b.binary(Op.POW, rounded, b.constant(1)), b.binary(Op.POW, rounded, b.constant(-1)));
    }

    /** {@code exp(y)} for a sign-valued argument. */
    static Ref exp(SplitBuilder b, Ref y) {
        return choose(b, y, b.unary(Op.EXP, b.constant(1)), b.unary(Op.EXP, b.constant(-1)));
    }

    private static Ref choose(SplitBuilder b, Ref y, Ref positive, Ref negative) {
        Ref zero = b.constant(0);
        Ref zeroOrNaN = b.binary(Op.ADD, y, b.constant(1));
        Ref ifNotPositive = b.select(b.binary(Op.LT, y, zero), negative, zeroOrNaN);
        return b.select(b.binary(Op.GT, y, zero), positive, ifNotPositive);
    }
}

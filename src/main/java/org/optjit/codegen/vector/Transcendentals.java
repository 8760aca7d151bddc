package org.optjit.codegen.vector;

/**
 * The stated accuracy of EXP, LOG, LOG2 and POW in the vector loop.
 *
 * <p>The reference rounds the double-precision {@code Math} result to float, which is
 * almost always the correctly rounded float. The vector loop instead uses the Vector API's
 * float operators ({@code VectorOperators.EXP}, {@code LOG}, {@code POW}), which HotSpot
 * compiles to vector math library calls (Intel SVML on x86) documented to within 1 ulp, and
 * LOG2 is {@code LOG(x) * (1/ln 2)} in float, one more rounding. Computing them through
 * {@code DoubleVector} halves would double the work of every such operation and still not
 * be bitwise exact, so the backend states a tolerance instead; everything else is exact.
 * Special values are exact in kind: a NaN, an infinity of the right sign or a zero where
 * the reference has one. Powers of two are exact for LOG2 (see MathOps.log2).
 */
public final class Transcendentals {

    /** Largest difference, in units in the last place of the reference float, allowed. */
    public static final int MAX_ULPS = 2;

    private Transcendentals() {
    }
}

package org.optjit.codegen.vector;

/**
 * The stated accuracy of EXP, LOG, LOG2 and POW in the vector loop.
 *
 * <p>The reference rounds the double-precision {@code Math} result to float, which is
 * almost always the correctly rounded float. The vector loop instead uses the Vector API's
 * float operators ({@code VectorOperators.EXP}, {@code LOG}, {@code POW}), which C2
 * compiles to calls into a vector math library (Intel SVML on x86, SLEEF on AArch64) whose
 * float routines are accurate to about 1 ulp, not correctly rounded; LOG2 is
 * {@code LOG(x) * (1/ln 2)} in float, one more rounding. Hence 2 ulps. (Computing them
 * through {@code DoubleVector} halves would double the work of each such operation and
 * still not be bitwise exact.) Special values are exact in kind: a NaN, an infinity or a
 * zero where the reference has one, and LOG2 of a power of two is exactly its exponent
 * (as in MathOps.log2). The scalar tail computes all four exactly, and everything else in
 * the vector loop is bitwise the interpreter's. VectorJitTest checks this bound in
 * C2-compiled code, where the library is used (before compilation the Vector API falls
 * back to {@code Math}).
 */
public final class Transcendentals {

    /** Largest difference, in units in the last place of the reference float, allowed. */
    public static final int MAX_ULPS = 2;

    private Transcendentals() {
    }
}

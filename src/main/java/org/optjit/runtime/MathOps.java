package org.optjit.runtime;

/**
 * The few operations of the language that are not a single JVM instruction or
 * {@code java.lang.Math} call. The interpreter and generated code call these same methods,
 * so the backends agree by construction.
 */
public final class MathOps {

    private static final double LN2 = Math.log(2);

    private MathOps() {
    }

    /**
     * Base-2 logarithm. Exact for powers of two (Sutskever et al.'s momentum schedule takes
     * {@code log2} of whole numbers and must give whole exponents there); otherwise
     * {@code log(x) / log(2)}.
     */
    public static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            long bits = Double.doubleToRawLongBits(x);
            if ((bits & 0x000F_FFFF_FFFF_FFFFL) == 0 && Math.getExponent(x) >= Double.MIN_EXPONENT) {
                return Math.getExponent(x);
            }
        }
        return Math.log(x) / LN2;
    }

    /** {@link #log2(double)} of a float, rounded to float. */
    public static float log2(float x) {
        return (float) log2((double) x);
    }

    /** {@code exp} of a float computed in double, rounded once. */
    public static float exp(float x) {
        return (float) Math.exp(x);
    }

    /** Natural logarithm of a float computed in double, rounded once. */
    public static float log(float x) {
        return (float) Math.log(x);
    }

    /** Cosine of a float computed in double, rounded once. */
    public static float cos(float x) {
        return (float) Math.cos(x);
    }

    /** Sine of a float computed in double, rounded once. */
    public static float sin(float x) {
        return (float) Math.sin(x);
    }

    /** Hyperbolic tangent of a float computed in double, rounded once. */
    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    /** {@code pow} of floats computed in double, rounded once. */
    public static float pow(float x, float y) {
        return (float) Math.pow(x, y);
    }
}

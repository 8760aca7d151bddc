package org.optjit.reference;

/**
 * The few float32 operations the references share, written exactly as optjit's
 * float-semantics contract defines them.
 */
public final class F32 {

    private F32() {
    }

    /** A value computed in double from hyperparameters, literals and t, rounded once. */
    public static float f(double scalar) {
        return (float) scalar;
    }

    /** Correctly rounded float square root. */
    public static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    /** {@code clip(x, lo, hi) = min(max(x, lo), hi)}. */
    static float clip(float x, float lo, float hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    /**
     * An exponential moving average {@code decay*avg + (1 - decay)*x}, with both weights
     * computed in double and rounded once.
     */
    public static float ema(double decay, float avg, float x) {
        return f(decay) * avg + f(1 - decay) * x;
    }
}

package org.optjit.sema;

/**
 * The reductions of the language. Each accumulates in double in the order docs/language.md
 * defines; {@link #NORM} and {@link #RMS} add squares.
 */
public enum Reduction {
    SUM, MEAN, NORM, RMS, MAX, MIN;

    /** Lower case once, not at every look-up (a rule search analyses thousands of rules a second). */
    private final String spelling = name().toLowerCase(java.util.Locale.ROOT);

    public String spelling() {
        return spelling;
    }

    /** The reduction called {@code name}, or null; max and min only reduce with a scope or one argument. */
    public static Reduction named(String name) {
        for (Reduction r : values()) {
            if (r.spelling().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Whether a call of this name without a scope is a reduction (sum, mean, norm, rms). */
    public boolean reducesWithoutScope() {
        return this != MAX && this != MIN;
    }

    /** Whether the accumulated terms are squares. */
    public boolean squares() {
        return this == NORM || this == RMS;
    }

    /** Whether the result divides by the number of values. */
    public boolean averages() {
        return this == MEAN || this == RMS;
    }

    /** Whether a call is a reduction: a scope is written, or it is sum/mean/norm/rms. */
    public static Reduction of(org.optjit.ast.Expr.Call c) {
        Reduction r = named(c.function());
        if (r == null) {
            return null;
        }
        return c.scope() != null || r.reducesWithoutScope() ? r : null;
    }
}

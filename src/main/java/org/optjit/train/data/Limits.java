package org.optjit.train.data;

/**
 * Optional caps on the sizes of the three splits (for quick runs and tests). A value
 * {@code <= 0} means no cap. A capped split is a prefix of the uncapped one, so a short run
 * sees the same examples as the start of a full one.
 */
public record Limits(int train, int validation, int test) {

    public static final Limits NONE = new Limits(0, 0, 0);

    /** {@code n} capped by {@code cap} ({@code cap <= 0}: not capped). */
    static int cap(int n, int cap) {
        return cap > 0 ? Math.min(n, cap) : n;
    }
}

package org.optjit.train.trace;

/**
 * The points visited by a rule on a {@link Surface}, starting point first.
 *
 * @param xs      x of each point
 * @param ys      y of each point
 * @param outcome how the path ended
 */
public record TracedPath(double[] xs, double[] ys, Outcome outcome) {

    /** How a path ended. */
    public enum Outcome {
        /** All steps were taken. */
        FINISHED,
        /** The weights became NaN or infinite; the path stops before that. */
        DIVERGED
    }

    public int points() {
        return xs.length;
    }

    /** The value of the surface at the last point. */
    public double finalValue(Surface s) {
        return s.value(xs[xs.length - 1], ys[ys.length - 1]);
    }
}

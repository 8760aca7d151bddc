package org.optjit.train.control;

/**
 * The saved state of a {@link RateController}, as stored in checkpoints.
 *
 * @param scale     the current factor on the controlled hyperparameter
 * @param best      the best validation error seen (plateau control), or NaN
 * @param sinceBest epochs since {@code best} improved (plateau control)
 * @param recent    the most recent validation errors, oldest first (automatic control)
 */
public record RateControllerState(double scale, double best, int sinceBest, double[] recent) {

    public RateControllerState {
        recent = recent.clone();
    }

    @Override
    public double[] recent() {
        return recent.clone();
    }

    /** The state of a controller that has seen nothing yet. */
    public static RateControllerState initial() {
        return new RateControllerState(1.0, Double.NaN, 0, new double[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateControllerState s
                && Double.compare(scale, s.scale) == 0 && Double.compare(best, s.best) == 0
                && sinceBest == s.sinceBest && java.util.Arrays.equals(recent, s.recent);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scale, best, sinceBest, java.util.Arrays.hashCode(recent));
    }
}

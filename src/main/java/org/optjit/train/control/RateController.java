package org.optjit.train.control;

/**
 * Learning-rate control beside the rule's own {@code t} schedules (lecture 6a/6b): after
 * every epoch the controller sees the validation error and decides whether the
 * controlled hyperparameter (by default the rule's learning rate, {@code lr} or
 * {@code eps}: see {@code org.optjit.train.LearningRate}) should be turned down or up. It
 * keeps a cumulative {@link #scale()}; the trainer multiplies the hyperparameter's
 * initial value by it.
 */
public interface RateController {

    /** The factor applied to the controlled hyperparameter's initial value (1 at the start). */
    double scale();

    /** Takes the validation error (a fraction) at the end of an epoch; may change {@link #scale()}. */
    Adjustment observe(double validationError);

    /** Everything needed to continue exactly where the controller was. */
    RateControllerState state();

    /** Continues from a saved state (from {@link #state()} of the same kind of controller). */
    void restore(RateControllerState state);

    /** What a controller did after an epoch, with the reason, for the log. */
    record Adjustment(Direction direction, String reason) {
        public static final Adjustment KEEP = new Adjustment(Direction.KEEP, "");

        public enum Direction { KEEP, LOWER, RAISE }
    }
}

package org.optjit.train;

/**
 * Training diverged: the loss or a weight became NaN or infinite. The message names the
 * step, the rule and its hyperparameter values; no checkpoint is written after the last
 * good one.
 */
public class DivergenceException extends RuntimeException {

    private final long step;

    public DivergenceException(String message, long step) {
        super(message);
        this.step = step;
    }

    /** The step (1-based, counted from the start of training) at which it was detected. */
    public long step() {
        return step;
    }
}

package org.optjit.train;

/**
 * Early stopping on the validation set: training ends when the validation error has not
 * improved for {@code patience} epochs. The best epoch is remembered so that the report
 * can give the test error at the point a practitioner would have stopped.
 */
public final class EarlyStopping {

    /** Saved state, as stored in checkpoints. */
    public record State(double best, int bestEpoch, int sinceBest) {
        public static final State INITIAL = new State(Double.NaN, 0, 0);
    }

    private final int patience;
    private State state = State.INITIAL;

    /** @param patience epochs without improvement before stopping; 0 never stops */
    public EarlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
    }

    /** Records an epoch's validation error; true when training should stop now. */
    public boolean observe(int epoch, double validationError) {
        if (Double.isNaN(state.best()) || validationError < state.best()) {
            state = new State(validationError, epoch, 0);
        } else {
            state = new State(state.best(), state.bestEpoch(), state.sinceBest() + 1);
        }
        return patience > 0 && state.sinceBest() >= patience;
    }

    /** The epoch with the lowest validation error so far (0 before the first). */
    public int bestEpoch() {
        return state.bestEpoch();
    }

    public State state() {
        return state;
    }

    public void restore(State s) {
        state = s;
    }
}

package org.optjit.train.checkpoint;

/**
 * Where a run is: in epoch {@code epoch} (1-based) with {@code stepInEpoch} of its steps
 * done. Together with the seed this regenerates the epoch's mini-batch order, so the
 * permutation itself need not be stored.
 *
 * @param epoch        the epoch in progress (or the next one, when {@code stepInEpoch} is 0)
 * @param stepInEpoch  steps of that epoch already taken
 * @param step         steps taken since the start of training ({@code t} of the optimizer)
 * @param lossSum      sum of the mini-batch losses of the epoch so far (for its train_loss)
 * @param seconds      training wall time of the epoch so far
 */
public record Position(int epoch, int stepInEpoch, long step, double lossSum, double seconds) {

    public static final Position START = new Position(1, 0, 0, 0.0, 0.0);
}

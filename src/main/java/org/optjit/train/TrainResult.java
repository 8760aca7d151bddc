package org.optjit.train;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param history     metrics of every epoch (including those before a resume)
 * @param params      the final weights
 * @param stoppedEarly whether early stopping ended the run before its last epoch
 * @param bestEpoch   the epoch with the lowest validation error
 * @param weightsEpoch the epoch whose weights {@code params} are and whose figures are reported:
 *                    the last one, or the best one when the run restores the best weights
 */
public record TrainResult(List<EpochMetrics> history, float[] params, boolean stoppedEarly, int bestEpoch,
                          int weightsEpoch) {

    public TrainResult {
        history = List.copyOf(history);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        return history.get(history.size() - 1);
    }

    /** The metrics of {@link #weightsEpoch()}: the figures a report gives for this run. */
    public EpochMetrics reported() {
        return history.stream().filter(m -> m.epoch() == weightsEpoch).findFirst().orElse(last());
    }

    /** Total training wall time over all epochs (evaluation not included). */
    public double trainingSeconds() {
        return history.stream().mapToDouble(EpochMetrics::seconds).sum();
    }

    /** Steps per second of training wall time. */
    public double stepsPerSecond() {
        double s = trainingSeconds();
        return s > 0 ? last().step() / s : Double.NaN;
    }
}

package org.optjit.train;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param history     metrics of every epoch (including those before a resume)
 * @param params      the final weights
 * @param stoppedEarly whether early stopping ended the run before its last epoch
 * @param bestEpoch   the epoch with the lowest validation error
 */
public record TrainResult(List<EpochMetrics> history, float[] params, boolean stoppedEarly, int bestEpoch) {

    public TrainResult {
        history = List.copyOf(history);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        return history.get(history.size() - 1);
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

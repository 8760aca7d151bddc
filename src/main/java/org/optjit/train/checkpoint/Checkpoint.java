package org.optjit.train.checkpoint;

import java.util.List;
import org.optjit.train.EarlyStopping;
import org.optjit.train.EpochMetrics;
import org.optjit.train.control.RateControllerState;

/**
 * Everything needed to continue a run bit-identically: weights, the optimizer's state
 * arrays and {@code t}, the learning-rate controller, early stopping, the position in
 * the epoch, the seed that regenerates every epoch's mini-batch order, and the metrics
 * history. Immutable once made (the arrays are copies taken when it was made).
 *
 * @param fingerprint what run this belongs to
 * @param seed        the run's seed: batch orders are a function of (seed, epoch)
 * @param position    where in training it was taken
 * @param params      all weights and biases (flat)
 * @param optimizer   the optimizer's state
 * @param controller  the learning-rate controller's state
 * @param stopping    early stopping's state
 * @param history     metrics of the finished epochs
 */
public record Checkpoint(Fingerprint fingerprint, long seed, Position position, float[] params,
                         OptimizerSnapshot optimizer, RateControllerState controller,
                         EarlyStopping.State stopping, List<EpochMetrics> history) {

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** An optimizer state by value: the rule's name, {@code t}, and each state array by name. */
    public record OptimizerSnapshot(String ruleName, long t, List<NamedArray> arrays) {
        public OptimizerSnapshot {
            arrays = List.copyOf(arrays);
        }
    }

    /** One state array. */
    public record NamedArray(String name, float[] values) {
    }
}

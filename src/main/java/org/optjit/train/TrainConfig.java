package org.optjit.train;

import java.util.Map;
import java.util.TreeMap;
import org.optjit.train.control.RateControl;
import org.optjit.train.model.Initialization;

/**
 * How to train: everything besides the rule, the network and the data. Immutable; the
 * {@code with...} methods return a changed copy.
 *
 * @param epochs          epochs to run (the last epoch number, when resuming)
 * @param batch           mini-batch size or full batch
 * @param seed            decides the initial weights and every epoch's mini-batch order
 * @param hypers          hyperparameter values for the rule (others take the rule's defaults)
 * @param biasHypers      overrides for the bias parameter groups (e.g. {@code wd=0}); when
 *                        empty, biases are updated with the same values as the weights
 * @param controlledHyper the hyperparameter the rate controller adjusts (lecture 6a), or null
 *                        for the rule's learning rate ({@link LearningRate}: lr, or eps when
 *                        the rule has no lr)
 * @param rateControl     which rate controller
 * @param earlyStopping   patience in epochs; 0 disables early stopping
 * @param init            how the initial weights are drawn (6b; Martens 2010)
 * @param threads         threads for the optimizer step
 * @param checkpointEvery also checkpoint every this many steps within an epoch; 0: only at epoch ends
 * @param mix             plain shuffle, or mini-batches balanced for classes (lecture 6a)
 */
public record TrainConfig(int epochs, BatchSize batch, long seed, Map<String, Double> hypers,
                          Map<String, Double> biasHypers, String controlledHyper, RateControl rateControl,
                          int earlyStopping, Initialization init, int threads, int checkpointEvery,
                          BatchMix mix) {

    public TrainConfig {
        hypers = java.util.Collections.unmodifiableMap(new TreeMap<>(hypers));
        biasHypers = java.util.Collections.unmodifiableMap(new TreeMap<>(biasHypers));
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        java.util.Objects.requireNonNull(mix, "mix");
        if (earlyStopping < 0 || threads < 1 || checkpointEvery < 0) {
            throw new IllegalArgumentException("early stopping >= 0, threads >= 1, checkpoint interval >= 0 required");
        }
    }

    /** Ten epochs of mini-batches of 128, seed 1, no rate control (of the rule's learning rate), fan-in initialisation. */
    public static TrainConfig defaults() {
        return new TrainConfig(10, BatchSize.of(128), 1, Map.of(), Map.of(), null, RateControl.NONE, 0,
                Initialization.FAN_IN, Runtime.getRuntime().availableProcessors(), 0, BatchMix.SHUFFLED);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batch, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withBatch(BatchSize b) {
        return new TrainConfig(epochs, b, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batch, s, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withHypers(Map<String, Double> h) {
        return new TrainConfig(epochs, batch, seed, h, biasHypers, controlledHyper, rateControl, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withBiasHypers(Map<String, Double> h) {
        return new TrainConfig(epochs, batch, seed, hypers, h, controlledHyper, rateControl, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withRateControl(RateControl c, String hyper) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, hyper, c, earlyStopping, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withEarlyStopping(int patience) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, controlledHyper, rateControl, patience, init, threads, checkpointEvery, mix);
    }

    public TrainConfig withInit(Initialization i) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, i, threads, checkpointEvery, mix);
    }

    public TrainConfig withThreads(int n) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, init, n, checkpointEvery, mix);
    }

    public TrainConfig withCheckpointEvery(int steps) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping, init, threads, steps, mix);
    }

    public TrainConfig withMix(BatchMix m) {
        return new TrainConfig(epochs, batch, seed, hypers, biasHypers, controlledHyper, rateControl, earlyStopping,
                init, threads, checkpointEvery, m);
    }
}

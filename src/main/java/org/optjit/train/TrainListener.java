package org.optjit.train;

import java.nio.file.Path;
import org.optjit.train.control.RateController;

/** What a front end (the command line, a test) hears from a training run. All methods optional. */
public interface TrainListener {

    /** Before the first step; {@code firstEpoch}/{@code firstStep} are above 1/0 when resuming. */
    default void started(int epochs, int stepsPerEpoch, int firstEpoch, int firstStepInEpoch) {
    }

    /** After each optimizer step; {@code loss} is the mini-batch loss measured before the step. */
    default void stepped(int epoch, int stepInEpoch, long step, double loss) {
    }

    /** After each epoch's evaluation; {@code adjustment} is what the rate controller did. */
    default void epochEnded(EpochMetrics metrics, RateController.Adjustment adjustment, double rate) {
    }

    /** After a checkpoint was written. */
    default void checkpointed(Path file, long step) {
    }

    /** The silent listener. */
    TrainListener NONE = new TrainListener() {
    };
}

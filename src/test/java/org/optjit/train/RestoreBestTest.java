package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.control.RateControl;
import org.optjit.train.model.Evaluation;

/** --restore-best ends with, and reports, the best epoch's weights; a finished run knows it is finished. */
class RestoreBestTest {

    /** A learning rate high enough that validation error wanders, so the best epoch is not the last. */
    private static TrainConfig noisy() {
        return TrainerTest.config().withEpochs(8).withRateControl(RateControl.NONE, null).withHypers(Map.of("eps", 0.8));
    }

    @Test
    void theBestEpochsWeightsAreRestoredAndReported(@TempDir Path dir) {
        TrainResult plain = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, noisy(), null, null)
                .train(TrainListener.NONE);
        assertNotEquals(plain.last().epoch(), plain.bestEpoch(), "the test needs a run whose best epoch is not its last");
        assertEquals(plain.last().epoch(), plain.weightsEpoch());

        TrainResult best = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, noisy(), null, null)
                .restoreBest().train(TrainListener.NONE);
        assertEquals(best.bestEpoch(), best.weightsEpoch());
        assertEquals(best.bestEpoch(), best.reported().epoch());
        Evaluation test = TrainerTest.network().evaluate(best.params(), TrainerTest.DATA.test());
        assertEquals(best.reported().testError(), test.error(), "the reported figure is that of the restored weights");
        double lowest = best.history().stream().mapToDouble(EpochMetrics::valError).min().orElseThrow();
        assertEquals(lowest, best.reported().valError());
        assertEquals(best.reported().valLoss(), TrainerTest.network().evaluate(best.params(), TrainerTest.DATA.validation()).loss());
    }

    @Test
    void aResumedRunRestoresTheBestWeightsSavedBeforeTheKill(@TempDir Path dir) {
        TrainResult whole = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, noisy(), null, null)
                .restoreBest().train(TrainListener.NONE);
        CheckpointStore store = new CheckpointStore(dir);
        assertThrows(TrainerTest.Kill.class, () -> new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA,
                noisy(), store, dir).restoreBest().train(TrainerTest.killAfter(7L * 7 + 1)));
        Trainer resumed = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, noisy(), store, dir)
                .restoreBest();
        resumed.resume(store.load());
        TrainResult r = resumed.train(TrainListener.NONE);
        assertEquals(whole.weightsEpoch(), r.weightsEpoch());
        assertArrayEquals(whole.params(), r.params());
    }

    @Test
    void aFinishedRunSaysSo(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, TrainerTest.config(), store, dir)
                .train(TrainListener.NONE);
        Trainer again = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, TrainerTest.config(), store, dir);
        again.resume(store.load());
        assertTrue(again.finished());
    }
}

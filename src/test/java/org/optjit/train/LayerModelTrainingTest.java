package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Model;
import org.optjit.train.model.Models;
import org.optjit.train.model.TinyData;
import org.optjit.train.model.TransformerShape;

/**
 * The trainer's machinery for the layered models, as for the MLP: a run killed mid-epoch and
 * resumed from its checkpoint ends with the same bits as one run through; a short LeNet run
 * learns; a wild learning rate is caught as divergence.
 */
class LayerModelTrainingTest {

    static final Kernel ADAM = Rule.parse("hyper lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8\n"
            + "m = beta1*m + (1 - beta1)*g\nv = beta2*v + (1 - beta2)*g^2\n"
            + "w -= lr*(m/(1 - beta1^t))/(sqrt(v/(1 - beta2^t)) + eps)", "adam").compile(Backend.AUTO);

    static final Splits IMAGES = new Splits(TinyData.images(300, 16, 3, 1), TinyData.images(90, 16, 3, 2),
            TinyData.images(90, 16, 3, 3));
    static final Splits SEQUENCES = new Splits(TinyData.sequences(200, 3, 9, 4, 1), TinyData.sequences(60, 3, 9, 4, 2),
            TinyData.sequences(60, 3, 9, 4, 3));

    static TrainConfig config() {
        return TrainConfig.defaults().withEpochs(3).withBatch(BatchSize.of(64)).withSeed(7).withThreads(2)
                .withHypers(Map.of("lr", 0.003));
    }

    @Test
    void lenet5ResumesBitIdentically(@TempDir Path dir) {
        resumes(() -> Models.lenet5(256, 3), IMAGES, dir);
    }

    @Test
    void transformerResumesBitIdentically(@TempDir Path dir) {
        resumes(() -> Models.transformer(new TransformerShape(1, 16, 2, 3, 32), 9, 4, false), SEQUENCES, dir);
    }

    private static void resumes(Supplier<Model> model, Splits data, Path dir) {
        TrainResult whole = new Trainer(ADAM, model.get(), data, config(), null, null).train(TrainListener.NONE);
        TrainConfig c = config().withCheckpointEvery(2);
        CheckpointStore store = new CheckpointStore(dir);
        // 5 steps per epoch (300 / 64, last batch short): killed at step 8, one after the checkpoint at 7
        assertThrows(TrainerTest.Kill.class, () -> new Trainer(ADAM, model.get(), data, c, store, null)
                .train(TrainerTest.killAfter(8)));
        Trainer resumed = new Trainer(ADAM, model.get(), data, c, store, null);
        resumed.resume(store.load());
        TrainResult after = resumed.train(TrainListener.NONE);
        assertArrayEquals(whole.params(), after.params(), "weights bit for bit");
        assertEquals(whole.last().valLoss(), after.last().valLoss());
    }

    @Test
    void aShortLenetRunLearnsTheBars() {
        TrainResult r = new Trainer(ADAM, Models.lenet5(256, 3), IMAGES, config().withEpochs(2), null, null)
                .train(TrainListener.NONE);
        // three bar positions: chance is 2/3 error; two epochs of 5 steps reach at most 0.1
        assertTrue(r.last().testError() <= 0.1, "test error " + r.last().testError());
    }

    @Test
    void aShortModularAdditionRunMemorisesItsTrainingPairs() {
        Splits data = org.optjit.train.data.DataSources.load("modular-addition", 1,
                new org.optjit.train.data.Limits(512, 200, 200));
        Model m = Models.transformer(new TransformerShape(1, 32, 4, 3, 128), 98, 97, false);
        TrainResult r = new Trainer(ADAM, m, data, config().withEpochs(60).withHypers(Map.of("lr", 0.01)), null, null)
                .train(TrainListener.NONE);
        // 97 classes: chance is 99% error. 480 steps of batch 64 fit most of the 512 training pairs
        // (measured: all of them); validation stays near chance this early (grokking comes much later)
        double trainError = m.evaluate(r.params(), data.train()).error();
        assertTrue(trainError <= 0.3, "training error " + trainError);
    }

    @Test
    void aWildRateDivergesWithAMessage() {
        Trainer t = new Trainer(ADAM, Models.transformer(new TransformerShape(1, 16, 2, 3, 32), 9, 4, false), SEQUENCES,
                config().withHypers(Map.of("lr", 1e30)), null, null);
        DivergenceException e = assertThrows(DivergenceException.class, () -> t.train(TrainListener.NONE));
        assertTrue(e.getMessage().startsWith("training diverged at step "), e.getMessage());
    }
}

package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.checkpoint.Checkpoint;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.control.RateControl;

/**
 * Every example over tensors trains on the network's layout (weights and biases as tensors,
 * the biases in a group of their own) and resumes from a checkpoint bit for bit: weights,
 * every state array of every shape class (per weight, tensor, row, column, group) and t.
 */
class TensorRulesResumeTest {

    @ParameterizedTest
    @ValueSource(strings = {"clip_global_norm.opt+adamw.opt", "adamw_clipped.opt", "lars.opt", "lamb.opt",
            "novograd.opt", "adafactor.opt", "agc.opt+adamw.opt", "cautious_adamw.opt", "prodigy.opt",
            "dadapt_adam.opt", "schedule_free_adamw.opt", "lookahead.opt", "ema.opt", "adan.opt", "mars.opt",
            "muon.opt", "adamw_warmup_cosine.opt"})
    void resumesBitIdentically(String spec, @TempDir Path dir) throws Exception {
        String[] parts = spec.split("\\+");
        StringBuilder path = new StringBuilder();
        for (String p : parts) {
            path.append(path.length() == 0 ? "" : "+").append(Path.of("examples", p));
        }
        Kernel kernel = Rule.load(Path.of(path.toString())).compile(Backend.SCALAR);
        Map<String, Double> bias = kernel.rule().hyperparameters().stream()
                .anyMatch(h -> h.name().endsWith("weight_decay")) ? Map.of(weightDecay(kernel), 0.0) : Map.of();
        TrainConfig config = TrainConfig.defaults().withEpochs(2).withBatch(BatchSize.of(32)).withSeed(9)
                .withThreads(2).withRateControl(RateControl.NONE, null).withBiasHypers(bias);
        Path whole = dir.resolve("whole");
        TrainResult expected = new Trainer(kernel, TrainerTest.network(), TrainerTest.DATA, config,
                new CheckpointStore(whole), whole).train(TrainListener.NONE);

        Path split = dir.resolve("split");
        TrainConfig c = config.withCheckpointEvery(4);
        CheckpointStore store = new CheckpointStore(split);
        assertThrows(TrainerTest.Kill.class, () -> new Trainer(kernel, TrainerTest.network(), TrainerTest.DATA, c,
                store, split).train(TrainerTest.killAfter(10)));
        Trainer resumed = new Trainer(kernel, TrainerTest.network(), TrainerTest.DATA, c, store, split);
        resumed.resume(store.load());
        TrainResult actual = resumed.train(TrainListener.NONE);

        assertArrayEquals(expected.params(), actual.params(), spec + ": weights bit for bit");
        Checkpoint a = new CheckpointStore(whole).load();
        Checkpoint b = store.load();
        assertEquals(a.optimizer().t(), b.optimizer().t());
        for (int i = 0; i < a.optimizer().arrays().size(); i++) {
            assertArrayEquals(a.optimizer().arrays().get(i).values(), b.optimizer().arrays().get(i).values(),
                    spec + ": state " + a.optimizer().arrays().get(i).name());
        }
        for (int i = 0; i < expected.history().size(); i++) {
            assertEquals(expected.history().get(i).valError(), actual.history().get(i).valError(), spec);
        }
    }

    private static String weightDecay(Kernel k) {
        return k.rule().hyperparameters().stream().map(Rule.Hyperparameter::name)
                .filter(n -> n.endsWith("weight_decay")).findFirst().orElseThrow();
    }
}

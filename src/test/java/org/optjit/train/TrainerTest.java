package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.RuleException;
import org.optjit.train.checkpoint.Checkpoint;
import org.optjit.train.checkpoint.CheckpointException;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.checkpoint.Fingerprint;
import org.optjit.train.control.RateControl;
import org.optjit.train.data.DataSources;
import org.optjit.train.data.Limits;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Network;

class TrainerTest {

    static final Splits DATA = DataSources.load("blobs", 3, new Limits(200, 60, 60));
    static final Kernel MOMENTUM = TestRules.momentum().compile(Backend.INTERPRETER);

    static Network network() {
        return Network.classifier(new int[] {DATA.train().inputSize(), 12, DATA.train().classes()}, Activation.TANH);
    }

    static TrainConfig config() {
        return TrainConfig.defaults().withEpochs(4).withBatch(BatchSize.of(32)).withSeed(5).withThreads(2)
                .withHypers(Map.of("eps", 0.05)).withRateControl(RateControl.AUTO, null);
    }

    /** Simulates the process dying after a given step. */
    static final class Kill extends RuntimeException {
    }

    static TrainListener killAfter(long step) {
        return new TrainListener() {
            @Override
            public void stepped(int epoch, int stepInEpoch, long s, double loss) {
                if (s == step) {
                    throw new Kill();
                }
            }
        };
    }

    @Test
    void resumeContinuesBitIdenticallyAfterAKill(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        TrainResult expected = new Trainer(MOMENTUM, network(), DATA, config(), new CheckpointStore(whole), whole)
                .train(TrainListener.NONE);

        TrainConfig c = config().withCheckpointEvery(3);
        CheckpointStore store = new CheckpointStore(parts);
        // 7 steps per epoch: killed at step 11, in epoch 2, two steps after the checkpoint at step 9
        assertThrows(Kill.class, () -> new Trainer(MOMENTUM, network(), DATA, c, store, parts).train(killAfter(11)));
        // ... and killed while writing the next checkpoint: a partial temporary file is left behind
        Files.write(parts.resolve(CheckpointStore.FILE_NAME + ".999.tmp"), new byte[] {'O', 'P', 'T'});
        Checkpoint saved = store.load();
        assertEquals(9, saved.position().step());
        assertEquals(2, saved.position().epoch());

        Trainer resumed = new Trainer(MOMENTUM, network(), DATA, c, store, parts);
        resumed.resume(saved);
        // killed once more, right after an epoch-end checkpoint
        assertThrows(Kill.class, () -> resumed.train(killAfter(21)));
        Trainer again = new Trainer(MOMENTUM, network(), DATA, c, store, parts);
        again.resume(store.load());
        TrainResult actual = again.train(TrainListener.NONE);

        assertArrayEquals(expected.params(), actual.params(), "weights bit for bit");
        Checkpoint a = new CheckpointStore(whole).load();
        Checkpoint b = store.load();
        for (int i = 0; i < a.optimizer().arrays().size(); i++) {
            assertArrayEquals(a.optimizer().arrays().get(i).values(), b.optimizer().arrays().get(i).values());
        }
        assertEquals(a.optimizer().t(), b.optimizer().t());
        assertEquals(a.controller(), b.controller());
        assertEquals(expected.history().size(), actual.history().size());
        for (int i = 0; i < expected.history().size(); i++) {
            EpochMetrics x = expected.history().get(i);
            EpochMetrics y = actual.history().get(i);
            assertEquals(List.of(x.epoch(), x.step(), x.trainLoss(), x.valLoss(), x.valError(), x.testError(), x.rate()),
                    List.of(y.epoch(), y.step(), y.trainLoss(), y.valLoss(), y.valError(), y.testError(), y.rate()));
        }
        List<String> csv = Files.readAllLines(parts.resolve(MetricsFiles.CSV));
        assertEquals(1 + config().epochs(), csv.size(), "each epoch once in the metrics: " + csv);
        assertEquals(config().epochs(), Files.readAllLines(parts.resolve(MetricsFiles.JSONL)).size());
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedWhole(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        new Trainer(MOMENTUM, network(), DATA, config().withEpochs(1), store, null).train(TrainListener.NONE);
        Trainer other = new Trainer(MOMENTUM, network(), DATA, config().withHypers(Map.of("eps", 0.1)), store, null);
        float[] before = other.params().clone();
        CheckpointException e = assertThrows(CheckpointException.class, () -> other.resume(store.load()));
        assertTrue(e.getMessage().contains("hyperparameters: the checkpoint has {eps=0.05}, this run has {eps=0.1}"),
                e.getMessage());
        assertArrayEquals(before, other.params(), "nothing was loaded");
        Trainer seeded = new Trainer(MOMENTUM, network(), DATA, config().withSeed(6), store, null);
        assertTrue(assertThrows(CheckpointException.class, () -> seeded.resume(store.load())).getMessage()
                .contains("seed: the checkpoint has 5, this run has 6"));
    }

    /** A checkpoint from before matrices were stored out x in has no "matrices" entry: refused by name. */
    @Test
    void aCheckpointWithInputMajorMatricesIsRefused(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        new Trainer(MOMENTUM, network(), DATA, config().withEpochs(1), store, null).train(TrainListener.NONE);
        Checkpoint c = store.load();
        Map<String, String> old = new java.util.LinkedHashMap<>(c.fingerprint().entries());
        assertEquals("out x in, row-major", old.remove("matrices"));
        Checkpoint before = new Checkpoint(new Fingerprint(old), c.seed(), c.position(), c.params(), c.optimizer(),
                c.controller(), c.stopping(), c.history());
        Trainer resumed = new Trainer(MOMENTUM, network(), DATA, config(), store, null);
        String message = assertThrows(CheckpointException.class, () -> resumed.resume(before)).getMessage();
        assertTrue(message.contains("matrices: the checkpoint has nothing, this run has out x in, row-major"), message);
    }

    @Test
    void aCorruptCheckpointIsRefused(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        new Trainer(MOMENTUM, network(), DATA, config().withEpochs(1), store, null).train(TrainListener.NONE);
        byte[] bytes = Files.readAllBytes(store.file());
        bytes[bytes.length / 2] ^= 1;
        Files.write(store.file(), bytes);
        assertTrue(assertThrows(CheckpointException.class, store::load).getMessage().contains("corrupt"));
        Files.write(store.file(), Arrays.copyOf(bytes, bytes.length / 3));
        assertTrue(assertThrows(CheckpointException.class, store::load).getMessage().contains("truncated"));
    }

    @Test
    void divergenceNamesStepRuleAndHyperparametersAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir);
        new Trainer(MOMENTUM, network(), DATA, config().withEpochs(1), store, dir).train(TrainListener.NONE);
        Checkpoint good = store.load();
        TrainConfig wild = config().withEpochs(3).withHypers(Map.of("eps", 1e6)).withRateControl(RateControl.NONE, "eps");
        // ReLU units do not saturate: the activations, and with them the steps, grow without bound
        Network relu = Network.classifier(new int[] {DATA.train().inputSize(), 12, DATA.train().classes()}, Activation.RELU);
        Trainer t = new Trainer(MOMENTUM, relu, DATA, wild, store, dir);
        DivergenceException e = assertThrows(DivergenceException.class, () -> t.train(TrainListener.NONE));
        assertTrue(e.getMessage().matches("(?s)training diverged at step \\d+ \\(epoch 1\\): .*rule momentum \\(eps=1000000, mu=0.9\\).*"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the last good checkpoint is kept in " + store.file()), e.getMessage());
        assertArrayEquals(good.params(), store.load().params(), "the checkpoint was not overwritten");
    }

    @Test
    void earlyStoppingEndsARunThatStopsImproving() {
        TrainConfig still = config().withEpochs(10).withHypers(Map.of("eps", 0.0)).withRateControl(RateControl.NONE, "eps")
                .withEarlyStopping(2);
        TrainResult r = new Trainer(MOMENTUM, network(), DATA, still, null, null).train(TrainListener.NONE);
        assertTrue(r.stoppedEarly());
        assertEquals(3, r.history().size(), "best at epoch 1, then two epochs without improvement");
        assertEquals(1, r.bestEpoch());
    }

    @Test
    void plateauControlTurnsTheRateDownInTheOptimizer() {
        TrainConfig slow = config().withEpochs(4).withHypers(Map.of("eps", 1e-9)).withRateControl(RateControl.PLATEAU, "eps");
        TrainResult r = new Trainer(MOMENTUM, network(), DATA, slow, null, null).train(TrainListener.NONE);
        assertEquals(1e-9, r.history().get(2).rate());
        assertEquals(0.5e-9, r.history().get(3).rate(), "halved after two epochs without improvement");
    }

    @Test
    void theDefaultControlledHyperparameterIsTheRulesLearningRate() {
        // the lecture's rules call it eps, the modern ones lr (where eps is Adam's epsilon)
        Kernel modern = org.optjit.Rule.parse("hyper lr = 0.002, eps = 1e-8\nw -= lr*g/(abs(g) + eps)\n", "signs.opt")
                .compile(Backend.INTERPRETER);
        TrainConfig plateau = config().withEpochs(1).withRateControl(RateControl.PLATEAU, null);
        Trainer lecture = new Trainer(MOMENTUM, network(), DATA, plateau, null, null);
        Trainer paper = new Trainer(modern, network(), DATA, plateau.withHypers(Map.of()), null, null);
        assertEquals("eps", lecture.controlledHyper());
        assertEquals("lr", paper.controlledHyper());
        assertEquals(0.05, lecture.train(TrainListener.NONE).history().get(0).rate());
        assertEquals(0.002, paper.train(TrainListener.NONE).history().get(0).rate());
        assertEquals("mu", new Trainer(MOMENTUM, network(), DATA, config().withRateControl(RateControl.PLATEAU, "mu"),
                null, null).controlledHyper(), "an explicit choice wins");
    }

    @Test
    void aRuleWithoutLearningRateNamesWhatItHasForTheDefault() {
        Kernel rprop = org.optjit.Rule.parse("hyper step = 0.01\nw -= sign(g)*step\n", "steps.opt").compile(Backend.INTERPRETER);
        RuleException e = assertThrows(RuleException.class, () -> new Trainer(rprop, network(), DATA,
                config().withHypers(Map.of()).withRateControl(RateControl.AUTO, null), null, null));
        assertEquals("rule 'steps' has no hyperparameter 'lr' for auto rate control (the rule's learning rate: lr,"
                + " or eps when the rule has no lr) (it has: step); choose one with --hyper", e.getMessage());
    }

    @Test
    void aControlledHyperparameterTheRuleLacksIsNamedWithTheAlternatives() {
        RuleException e = assertThrows(RuleException.class, () -> new Trainer(MOMENTUM, network(), DATA,
                config().withRateControl(RateControl.PLATEAU, "eta"), null, null));
        assertEquals("rule 'momentum' has no hyperparameter 'eta' for plateau rate control (it has: eps, mu);"
                + " choose one with --hyper", e.getMessage());
    }

    @Test
    void biasGroupsRunWithTheirOwnHyperparameters() {
        TrainConfig frozenBiases = config().withEpochs(1).withBiasHypers(Map.of("eps", 0.0));
        Network net = network();
        Trainer t = new Trainer(MOMENTUM, net, DATA, frozenBiases, null, null);
        float[] start = t.params().clone();
        t.train(TrainListener.NONE);
        boolean weightsMoved = false;
        for (var g : net.groups()) {
            for (int i = g.from(); i < g.to(); i++) {
                if (g.bias()) {
                    assertEquals(start[i], t.params()[i], "bias " + g.name() + " must not move");
                } else {
                    weightsMoved |= start[i] != t.params()[i];
                }
            }
        }
        assertTrue(weightsMoved);
        assertFalse(net.groups().stream().noneMatch(g -> g.bias()));
    }

    @Test
    void everyRuleStartsFromTheSameWeightsForTheSameSeed() {
        Kernel sgd = org.optjit.Rule.parse("hyper eps = 0.1\nw -= eps*g\n", "sgd.opt").compile(Backend.INTERPRETER);
        float[] a = new Trainer(MOMENTUM, network(), DATA, config(), null, null).params();
        float[] b = new Trainer(sgd, network(), DATA, config().withHypers(Map.of("eps", 0.3)), null, null).params();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, new Trainer(sgd, network(), DATA, config().withSeed(9), null, null).params()));
    }

    @Test
    void trainingLearnsTheBlobs() {
        TrainResult r = new Trainer(MOMENTUM, network(), DATA, config().withEpochs(10), null, null).train(TrainListener.NONE);
        assertTrue(r.last().testError() < 0.2, "test error " + r.last().testError());
        assertTrue(r.last().trainLoss() < r.history().get(0).trainLoss());
    }

    @Test
    void balancedMiniBatchesChangeTheOrderAndStillLearn() {
        TrainConfig balanced = config().withEpochs(10).withMix(BatchMix.BALANCED);
        TrainResult b = new Trainer(MOMENTUM, network(), DATA, balanced, null, null).train(TrainListener.NONE);
        TrainResult s = new Trainer(MOMENTUM, network(), DATA, config().withEpochs(10), null, null).train(TrainListener.NONE);
        assertTrue(b.last().testError() < 0.2, "test error " + b.last().testError());
        assertTrue(b.history().get(0).trainLoss() != s.history().get(0).trainLoss(),
                "balanced batches must visit the examples in another order than a plain shuffle");
        assertTrue(new Trainer(MOMENTUM, network(), DATA, balanced, null, null).fingerprint().entries().get("batch").endsWith("balanced"));
    }
}

package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.train.checkpoint.CheckpointStore;

/** --log-every: a row every N steps, with diagnostics, each step once across a resume. */
class StepLogTest {

    @Test
    void rowsEveryNStepsWithDiagnosticsAndEachStepOnceAfterAResume(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, TrainerTest.config(), null, whole)
                .logEvery(3).train(TrainListener.NONE);
        List<String> expected = Files.readAllLines(whole.resolve(StepLog.CSV));
        String header = expected.get(0);
        assertTrue(header.startsWith("epoch,step,examples,seconds,train_loss,update_ratio.layer1.weights"), header);
        assertTrue(header.contains("state_norm.v.layer2.biases"), header);
        // 4 epochs of 7 steps: steps 3, 6, ..., 27
        assertEquals(9, expected.size() - 1);
        assertEquals("3", expected.get(1).split(",")[1]);
        assertEquals(Long.toString(3L * 32), expected.get(1).split(",")[2], "examples seen after 3 batches of 32");

        Path parts = dir.resolve("parts");
        CheckpointStore store = new CheckpointStore(parts);
        TrainConfig c = TrainerTest.config().withCheckpointEvery(4);
        assertThrows(TrainerTest.Kill.class, () -> new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA,
                c, store, parts).logEvery(3).train(TrainerTest.killAfter(10)));
        Trainer resumed = new Trainer(TrainerTest.MOMENTUM, TrainerTest.network(), TrainerTest.DATA, c, store, parts).logEvery(3);
        resumed.resume(store.load());
        resumed.train(TrainListener.NONE);
        List<String> got = Files.readAllLines(parts.resolve(StepLog.CSV));
        assertEquals(expected.size(), got.size());
        for (int i = 1; i < got.size(); i++) {
            String[] a = expected.get(i).split(",");
            String[] b = got.get(i).split(",");
            a[3] = b[3] = ""; // wall time
            assertEquals(String.join(",", a), String.join(",", b), "row " + i);
        }
    }
}

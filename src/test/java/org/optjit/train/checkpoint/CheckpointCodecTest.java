package org.optjit.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.train.EarlyStopping;
import org.optjit.train.EpochMetrics;
import org.optjit.train.control.RateControllerState;

class CheckpointCodecTest {

    static Checkpoint sample() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("rule", "'momentum' sha256:0123");
        f.put("network", "4-3-2 relü");
        float[] params = {1.5f, -0.0f, Float.MIN_VALUE, 3e38f, 0.1f};
        return new Checkpoint(new Fingerprint(f), 42, new Position(3, 7, 57, 12.25, 0.5), params,
                new Checkpoint.OptimizerSnapshot("momentum", 57,
                        List.of(new Checkpoint.NamedArray("v", new float[] {1, 2, 3, 4, 5}),
                                new Checkpoint.NamedArray("ms", new float[] {-1, -2, -3, -4, -5}))),
                new RateControllerState(0.25, 0.125, 1, new double[] {0.5, 0.4}),
                new EarlyStopping.State(0.1, 2, 1),
                List.of(new EpochMetrics(1, 25, 1.0, 0.9, 0.3, 0.31, 2.5, 0.01),
                        new EpochMetrics(2, 50, 0.8, 0.7, 0.2, 0.21, 2.4, 0.01)));
    }

    @Test
    void roundTripKeepsEveryBit() {
        Checkpoint c = sample();
        Checkpoint d = CheckpointCodec.decode(CheckpointCodec.encode(c), "x");
        assertEquals(c.fingerprint(), d.fingerprint());
        assertEquals(c.seed(), d.seed());
        assertEquals(c.position(), d.position());
        assertArrayEquals(c.params(), d.params());
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(d.params()[1]));
        assertEquals(c.optimizer().ruleName(), d.optimizer().ruleName());
        assertEquals(c.optimizer().t(), d.optimizer().t());
        for (int i = 0; i < 2; i++) {
            assertEquals(c.optimizer().arrays().get(i).name(), d.optimizer().arrays().get(i).name());
            assertArrayEquals(c.optimizer().arrays().get(i).values(), d.optimizer().arrays().get(i).values());
        }
        assertEquals(c.controller(), d.controller());
        assertEquals(c.stopping(), d.stopping());
        assertEquals(c.history(), d.history());
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] good = CheckpointCodec.encode(sample());
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointCodec.decode(bad, "ck"));
            assertTrue(e.getMessage().startsWith("ck: "), e.getMessage());
        }
    }

    @Test
    void truncationIsRefusedWithTheSizes() {
        byte[] good = CheckpointCodec.encode(sample());
        for (int n : new int[] {0, 5, 8, 20, good.length / 2, good.length - 1}) {
            byte[] cut = Arrays.copyOf(good, n);
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointCodec.decode(cut, "ck"));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not an optjit checkpoint"),
                    e.getMessage());
        }
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointCodec.decode(Arrays.copyOf(good, good.length - 10), "ck"));
        assertTrue(e.getMessage().contains("the file has " + (good.length - 10)), e.getMessage());
    }

    @Test
    void otherFilesAreNotCheckpoints() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointCodec.decode("w -= lr * g\n".getBytes(), "rule.opt"));
        assertEquals("rule.opt: not an optjit checkpoint", e.getMessage());
    }

    @Test
    void storeIgnoresALeftoverTemporaryFileAndReplacesAtomically(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir);
        store.save(sample());
        // a process killed mid-write leaves a partial temporary file next to the checkpoint
        byte[] partial = Arrays.copyOf(Files.readAllBytes(store.file()), 30);
        Files.write(dir.resolve(CheckpointStore.FILE_NAME + ".123.tmp"), partial);
        assertEquals(sample().position(), store.load().position());
        store.save(sample());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the checkpoint and the old stray file: no new temporaries");
        }
    }

    @Test
    void aMissingCheckpointIsReportedByPath(@TempDir Path dir) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> new CheckpointStore(dir).load());
        assertTrue(e.getMessage().contains("no checkpoint to resume from"), e.getMessage());
    }

    @Test
    void fingerprintDifferencesNameThePart() {
        Fingerprint a = sample().fingerprint();
        Map<String, String> other = new LinkedHashMap<>(a.entries());
        other.put("rule", "'adam' sha256:9999");
        List<String> d = a.differences(new Fingerprint(other));
        assertEquals(List.of("rule: the checkpoint has 'momentum' sha256:0123, this run has 'adam' sha256:9999"), d);
        assertTrue(a.differences(a).isEmpty());
    }
}

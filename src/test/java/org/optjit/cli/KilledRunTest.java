package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.train.checkpoint.Checkpoint;
import org.optjit.train.checkpoint.CheckpointStore;

/**
 * A real kill: a training process is killed (SIGKILL) while it writes a checkpoint after
 * every step; resuming from whatever it left must end exactly where a run that was never
 * stopped ends.
 */
class KilledRunTest {

    static final String[] RUN = {"train", "--rule", "examples/momentum.opt", "--set", "eps=0.05", "--data", "blobs",
        "--limit", "400,50,50", "--layers", "32-16-5", "--batch", "4", "--epochs", "3", "--threads", "1",
        "--backend", "interpreter", "--checkpoint-every", "1"};

    static String[] with(String... more) {
        List<String> a = new ArrayList<>(List.of(RUN));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void resumeAfterSigkillEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        assertEquals(0, TrainingCommandsTest.run(with("--out", whole.toString())).status());

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.optjit.cli.Main"));
        cmd.addAll(List.of(with("--out", killed.toString())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        CheckpointStore store = new CheckpointStore(killed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!store.exists() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // well into the stream of per-step checkpoint writes
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertNotEquals(0, p.exitValue(), "the process was killed before it finished");

        assertEquals(0, TrainingCommandsTest.run(with("--out", killed.toString(), "--resume")).status(),
                Files.readString(dir.resolve("log")));
        Checkpoint a = new CheckpointStore(whole).load();
        Checkpoint b = store.load();
        assertArrayEquals(a.params(), b.params());
        assertArrayEquals(a.optimizer().arrays().get(0).values(), b.optimizer().arrays().get(0).values());
        assertEquals(a.position(), new org.optjit.train.checkpoint.Position(b.position().epoch(),
                b.position().stepInEpoch(), b.position().step(), b.position().lossSum(), a.position().seconds()));
        assertEquals(Files.readAllLines(whole.resolve("metrics.csv")).size(),
                Files.readAllLines(killed.resolve("metrics.csv")).size());
    }
}

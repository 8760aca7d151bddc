package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and compare say when a rule's schedule (its total) ends before the run does. */
class ScheduleHorizonTest {

    /** 100 examples in mini-batches of 32: 4 steps an epoch, 12 in 3 epochs. */
    private static CliRunner train(Path dir, String... set) {
        String[] base = {"train", "--rule", "examples/lamb.opt", "--data", "blobs", "--limit", "100,20,20",
            "--layers", "32-4-5", "--batch", "32", "--epochs", "3", "--threads", "1", "--out", dir.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + set.length);
        System.arraycopy(set, 0, args, base.length, set.length);
        return CliRunner.run(args);
    }

    @Test
    void trainNotesAScheduleShorterThanTheRun(@TempDir Path dir) {
        CliRunner r = train(dir.resolve("short"), "--set", "total=10");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("note: lamb's schedule ends at step 10 (total) but this run takes 12 steps"), r.out());
        assertTrue(r.out().contains("--set total=12"), r.out());
    }

    @Test
    void trainSaysNothingWhenTheScheduleCoversTheRun(@TempDir Path dir) {
        CliRunner r = train(dir.resolve("long"), "--set", "total=12");
        assertEquals(0, r.status(), r.out() + r.err());
        assertFalse(r.out().contains("schedule ends"), r.out());
    }

    @Test
    void compareNotesEachRuleWhoseScheduleIsShort(@TempDir Path dir) {
        CliRunner r = CliRunner.run("compare", "--data", "blobs", "--limit", "100,20,20", "--layers", "32-4-5",
                "--batch", "full", "--epochs", "3", "--threads", "1", "--set", "lamb.total=2",
                "--out", dir.resolve("c").toString(), "examples/lamb.opt", "examples/adamw_warmup_cosine.opt");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("note: lamb's schedule ends at step 2 (total) but this run takes 3 steps"), r.out());
        assertFalse(r.out().contains("adamw_warmup_cosine's schedule ends"), r.out());
    }

    @Test
    void suiteNotesAScheduleShorterThanAWorkload(@TempDir Path dir) {
        CliRunner r = CliRunner.run("suite", "examples/lamb.opt", "--set", "total=3", "--workloads", "blobs-mlp",
                "--epochs", "1", "--threads", "1", "--out", dir.resolve("s").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("note: blobs-mlp lamb's schedule ends at step 3 (total)"), r.out());
    }
}

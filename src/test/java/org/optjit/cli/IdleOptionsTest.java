package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that would do nothing, and values that are not finite, stop a run before it starts. */
class IdleOptionsTest {

    private static final String[] BLOBS = {"--data", "blobs", "--limit", "100,20,20", "--layers", "32-4-5",
        "--epochs", "1", "--threads", "1", "--backend", "interpreter"};

    private static CliRunner train(Path dir, String... extra) {
        String[] args = new String[BLOBS.length + extra.length + 5];
        args[0] = "train";
        args[1] = "--rule";
        args[2] = "examples/momentum.opt";
        args[3] = "--out";
        args[4] = dir.resolve("run").toString();
        System.arraycopy(BLOBS, 0, args, 5, BLOBS.length);
        System.arraycopy(extra, 0, args, 5 + BLOBS.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void lossOnAClassifierIsAnError(@TempDir Path dir) {
        CliRunner r = train(dir, "--loss", "squared-error");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--loss") && r.err().contains("classif"), r.err());
    }

    @Test
    void componentsWithoutPcaIsAnError(@TempDir Path dir) {
        CliRunner r = train(dir, "--components", "10");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--components 10 applies only to --preprocess pca or whiten"), r.err());
    }

    @Test
    void aRepeatedSetNameIsAnError(@TempDir Path dir) {
        CliRunner r = train(dir, "--set", "eps=0.1", "--set", "eps=0.2");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("'eps' is given more than once"), r.err());
        CliRunner comma = train(dir, "--set", "eps=0.1,mu=0.5,eps=0.3");
        assertEquals(2, comma.status(), comma.err());
    }

    @Test
    void aNonFiniteSetValueIsAnError(@TempDir Path dir) {
        CliRunner r = train(dir, "--set", "eps=1e400");
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("not a finite number"), r.err());
    }

    @Test
    void balancedBatchesOnAutoencoderDataIsAnError(@TempDir Path dir) {
        CliRunner r = CliRunner.run("compare", "examples/momentum.opt", "--data", "curves", "--limit", "50,10,10",
                "--batch-mix", "balanced", "--epochs", "1", "--out", dir.resolve("c").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--batch-mix balanced"), r.err());
    }

    @Test
    void choicesAndDataNamesAreCaseInsensitive(@TempDir Path dir) {
        CliRunner r = CliRunner.run("train", "--rule", "examples/momentum.opt", "--data", "BLOBS", "--limit", "100,20,20",
                "--layers", "32-4-5", "--epochs", "1", "--threads", "1", "--backend", "Interpreter", "--lr-control", "PLATEAU",
                "--init", "Fan-In", "--batch", "FULL", "--out", dir.resolve("r").toString());
        assertEquals(0, r.status(), r.out() + r.err());
    }

    @Test
    void resumingAFinishedRunSaysItIsFinished(@TempDir Path dir) {
        assertEquals(0, train(dir).status());
        CliRunner again = train(dir, "--resume");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("is already finished"), again.out());
        assertTrue(!again.out().contains("epoch   1"), again.out());
    }

    @Test
    void theLastLineSaysWhichEpochsWeightsTheFiguresComeFrom(@TempDir Path dir) {
        CliRunner r = train(dir, "--restore-best");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*with the weights of epoch \\d \\(the (best, restored|last, also the best)\\).*"),
                r.out());
    }
}

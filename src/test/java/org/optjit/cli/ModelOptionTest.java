package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.cli.TrainingCommandsTest.Run;

/** {@code --model}, the transformer's options and the new data sets from the command line. */
class ModelOptionTest {

    private static Run run(String... args) {
        return TrainingCommandsTest.run(args);
    }

    @Test
    void modularAdditionTrainsATransformerWithTheWorkloadsDefaults(@TempDir Path dir) throws Exception {
        Run r = run("train", "--data", "modular-addition", "--rule", "examples/adamw.opt", "--width", "16", "--heads", "2",
                "--limit", "600,100,100", "--epochs", "1", "--threads", "1", "--out", dir.resolve("m").toString());
        assertEquals(0, r.status(), r.all());
        String runTxt = Files.readString(dir.resolve("m/run.txt"));
        assertTrue(runTxt.contains("network: transformer 1 layer, width 16, 2 heads, context 3, MLP 64, 97 classes"), runTxt);
        // the workload's AdamW values: weight decay 1, beta2 0.98 (Power et al. 2022), batch 512
        assertTrue(runTxt.contains("weight_decay=1.0") && runTxt.contains("beta2=0.98"), runTxt);
        assertTrue(runTxt.contains("batch: 512"), runTxt);
    }

    @Test
    void aTextFileTrainsALanguageModelAndReportsBitsPerCharacter(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "the cat sat on the mat. ".repeat(60));
        Run r = run("train", "--data", "text:" + text, "--rule", "examples/adam.opt", "--width", "8", "--heads", "2",
                "--context", "8", "--epochs", "1", "--threads", "1", "--out", dir.resolve("lm").toString());
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().matches("(?s).*validation loss \\d\\.\\d{4} nats per character = \\d\\.\\d{4} bits per character.*"),
                r.out());
        // t, h, e, space, c, a, s, o, n, m and the full stop
        String runTxt = Files.readString(dir.resolve("lm/run.txt"));
        assertTrue(runTxt.contains("vocabulary 11, next-token cross-entropy"), runTxt);
    }

    @Test
    void badModelOptionsAreBadInput(@TempDir Path dir) {
        String out = dir.resolve("x").toString();
        Run unknown = run("train", "--data", "blobs", "--model", "resnet", "--rule", "examples/adam.opt", "--out", out);
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--model: unknown value 'resnet' (choose one of: mlp, lenet5, transformer)"),
                unknown.err());
        Run layers = run("train", "--data", "blobs", "--model", "lenet5", "--layers", "32-5", "--rule", "examples/adam.opt",
                "--out", out);
        assertEquals(2, layers.status());
        assertTrue(layers.err().contains("only --model mlp takes layer sizes"), layers.err());
        Run notSquare = run("train", "--data", "blobs", "--model", "lenet5", "--rule", "examples/adam.opt", "--out", out);
        assertEquals(2, notSquare.status());
        assertTrue(notSquare.err().contains("--model lenet5: lenet5 needs square one-channel images"), notSquare.err());
        Run notTokens = run("train", "--data", "blobs", "--model", "transformer", "--rule", "examples/adam.opt", "--out", out);
        assertEquals(2, notTokens.status());
        assertTrue(notTokens.err().contains("is not token data"), notTokens.err());
        Run heads = run("train", "--data", "modular-addition", "--width", "10", "--heads", "4", "--rule",
                "examples/adamw.opt", "--out", out);
        assertEquals(2, heads.status());
        assertTrue(heads.err().contains("the width 10 must be a multiple of the heads 4"), heads.err());
    }
}

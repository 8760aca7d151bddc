package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --log-every writes step metrics, diagnostics and their plots; --x-axis chooses what they are plotted against. */
class StepLogCommandTest {

    @Test
    void aConditionalRuleGetsItsBranchPlot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRunner r = CliRunner.run("train", "--rule", "examples/rprop.opt", "--data", "blobs", "--limit", "100,20,20",
                "--layers", "32-4-5", "--batch", "full", "--epochs", "6", "--threads", "1", "--log-every", "2",
                "--x-axis", "time", "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> rows = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(4, rows.size(), "header and steps 2, 4, 6");
        assertTrue(rows.get(0).contains("branch1.layer1.weights"), rows.get(0));
        assertTrue(Files.readString(out.resolve("conditions.txt")).startsWith("branch1: "));
        for (String f : List.of("update-ratio.png", "state-norms.svg", "branches.png", "steps.jsonl")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void xAxisChoicesAreCaseInsensitiveAndChecked(@TempDir Path dir) {
        CliRunner bad = CliRunner.run("compare", "examples/sgd.opt", "--x-axis", "minutes", "--out", dir.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("choose one of: epochs, steps, examples, time"), bad.err());
    }
}

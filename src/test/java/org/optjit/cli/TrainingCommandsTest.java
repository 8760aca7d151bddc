package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, compare and trace from the command line: exit codes, messages and files. */
class TrainingCommandsTest {

    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOverwrittenOptionsAllowed(true); // so a test can override one of the SMALL options
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static final String MOMENTUM = "examples/momentum.opt";
    static final String[] SMALL = {"--data", "blobs", "--limit", "200,50,50", "--layers", "32-8-5", "--batch", "25",
        "--threads", "1", "--backend", "interpreter"};

    /** The command name, the small-data options, then the command's arguments (which may override them). */
    static String[] args(String[] small, String... command) {
        List<String> r = new java.util.ArrayList<>(List.of(command[0]));
        r.addAll(List.of(small));
        r.addAll(List.of(command).subList(1, command.length));
        return r.toArray(new String[0]);
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("train", "compare", "trace")) {
            Run r = run(c, "--help");
            assertEquals(0, r.status(), c);
            assertTrue(r.out().contains("Usage: optjit " + c), r.out());
        }
    }

    @Test
    void trainWritesMetricsAndCheckpointAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Run r = run(args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=0.1", "--epochs", "2", "--out", out.toString()));
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().contains("epoch   2"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("epoch,step,train_loss,val_loss,val_error,test_error,seconds,rate", csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(2).startsWith("2,16,"), csv.get(2));
        String json = Files.readAllLines(out.resolve("metrics.jsonl")).get(1);
        assertTrue(json.startsWith("{\"epoch\": 2, \"step\": 16, \"train_loss\": "), json);
        assertTrue(Files.exists(out.resolve("checkpoint.optjit")));
        assertTrue(Files.exists(out.resolve("run.txt")));

        Run again = run(args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=0.1", "--epochs", "2", "--out", out.toString()));
        assertEquals(2, again.status());
        assertTrue(again.err().contains("already exists: add --resume"), again.err());

        Run more = run(args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=0.1", "--epochs", "3", "--out", out.toString(), "--resume"));
        assertEquals(0, more.status(), more.all());
        assertTrue(more.out().contains("resuming at epoch 3"), more.out());
        assertEquals(4, Files.readAllLines(out.resolve("metrics.csv")).size());

        Run other = run(args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=0.2", "--epochs", "4", "--out", out.toString(), "--resume"));
        assertEquals(2, other.status());
        assertTrue(other.err().contains("the checkpoint belongs to a different run"), other.err());
        assertTrue(other.err().contains("hyperparameters: the checkpoint has {eps=0.1}, this run has {eps=0.2}"), other.err());
    }

    @Test
    void badInputIsReportedWithExitStatusTwoAndNoStackTrace(@TempDir Path dir) {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"train", "--rule", dir.resolve("missing.opt").toString()},
            args(SMALL, "train", "--rule", MOMENTUM, "--layers", "3-8-5", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--layers", "32-8-4", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--data", "no-such-data", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=fast", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--set", "eta=0.1", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--lr-control", "plateau", "--hyper", "eta", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--lr-control", "sometimes", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--batch", "0", "--out", out),
            args(SMALL, "train", "--rule", MOMENTUM, "--resume"),
            {"compare", MOMENTUM, "--set", "nosuch=1", "--out", out},
            {"trace", MOMENTUM, "--surface", "saddle", "--out", out},
            {"train", "--rule", MOMENTUM, "--data", "curves", "--limit", "20,10,10", "--preprocess", "pca", "--out", out},
            args(SMALL, "train", "--rule", MOMENTUM, "--limit", "10,x", "--out", out),
        };
        String[] expected = {
            "missing.opt: cannot read: no such file",
            "the data has 32 inputs (after preprocessing), so the first size must be 32",
            "the data has 5 classes, so the last size must be 5",
            "unknown data set 'no-such-data'",
            "--set eps=fast: 'fast' is not a number",
            "unknown hyperparameter 'eta'",
            "rule 'momentum' has no hyperparameter 'eta' for plateau rate control (it has: eps, mu); choose one with --hyper",
            "--lr-control: unknown value 'sometimes' (choose one of: none, plateau, auto)",
            "--batch: batch size must be at least 1, got 0",
            "--resume needs --out or --checkpoint",
            "--set nosuch: no rule has a hyperparameter of that name",
            "--surface: unknown value 'saddle' (choose one of: bowl, rosenbrock)",
            "an autoencoder reconstructs its inputs",
            "--limit 10,x: give up to three sizes >= 0 (train, validation, test), e.g. 1000,500,500",
        };
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertEquals(2, r.status(), String.join(" ", cases[i]) + "\n" + r.all());
            assertTrue(r.err().contains(expected[i]), "expected '" + expected[i] + "' in: " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void divergenceIsReportedWithTheStepAndTheRule(@TempDir Path dir) {
        Run r = run(args(SMALL, "train", "--rule", MOMENTUM, "--set", "eps=1e6", "--activation", "relu",
                "--epochs", "3", "--out", dir.toString()));
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().matches("(?s)training diverged at step \\d+ \\(epoch \\d\\): .*momentum \\(eps=1000000, mu=0.9\\).*"),
                r.err());
    }

    @Test
    void compareWritesTableMetricsAndCurves(@TempDir Path dir) throws Exception {
        Run r = run(args(SMALL, "compare", MOMENTUM, "examples/rmsprop.opt", "examples/adam.opt", "--set", "momentum.eps=0.1",
                "--epochs", "2", "--lr-control", "plateau", "--out", dir.toString()));
        assertEquals(0, r.status(), r.all());
        String table = Files.readString(dir.resolve("summary.md"));
        assertTrue(table.contains("| rule | hyperparameters | runs | train loss |"), table);
        assertTrue(table.contains("| momentum | eps=0.1, mu=0.9 |"), table);
        assertTrue(table.contains("| rmsprop | eps=0.001, decay=0.9, delta=1e-8 |"), table);
        for (String f : List.of("momentum/metrics.csv", "rmsprop/metrics.jsonl", "val-error.png", "val-error.svg",
                "train-loss.png", "train-loss.svg")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("val-error.svg")).contains("<svg"));
        // --hyper defaults to each rule's learning rate: eps in the lecture's rules, lr in Adam (not its eps)
        assertEquals(0.1, firstRate(dir.resolve("momentum/metrics.csv")));
        assertEquals(0.001, firstRate(dir.resolve("rmsprop/metrics.csv")));
        assertEquals(0.001, firstRate(dir.resolve("adam/metrics.csv")));
    }

    /** The rate column of a metrics file's first epoch. */
    static double firstRate(Path csv) throws java.io.IOException {
        String[] row = Files.readAllLines(csv).get(1).split(",");
        return Double.parseDouble(row[row.length - 1]);
    }

    @Test
    void theHyperOptionDocumentsItsDefault() {
        Run r = run("train", "--help");
        assertTrue(r.out().replaceAll("\\s+", " ").contains("the rule's learning rate: lr, or eps when the rule has no lr"), r.out());
    }

    @Test
    void traceDrawsBothSurfaces(@TempDir Path dir) throws Exception {
        Run r = run("trace", MOMENTUM, "examples/rmsprop.opt", "--set", "eps=0.01", "--steps", "50", "--backend",
                "interpreter", "--out", dir.toString());
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().contains("bowl        momentum"), r.out());
        for (String f : List.of("trace-bowl.png", "trace-bowl.svg", "trace-rosenbrock.png", "trace-rosenbrock.svg")) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
    }
}

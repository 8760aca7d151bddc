package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Rule;
import picocli.CommandLine;

/** {@code optjit bench}: a row per backend with real numbers; bad input exits 2 with a message. */
class BenchCommandTest {

    private static final String RULE = "hyper lr = 0.01, mu = 0.9\nv = mu*v - lr*g\nw += v\n";

    /** A backend row: name, ms/step, GB/s, percent. */
    private static final Pattern ROW = Pattern.compile(
            "(?m)^(INTERPRETER|SCALAR|VECTOR)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9]+)%");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path ruleFile() throws IOException {
        Path file = dir.resolve("momentum.opt");
        Files.writeString(file, RULE);
        return file;
    }

    /** Skips while the front end or a backend is not yet in this branch. */
    private static void assumeCompilerPresent() {
        try {
            Rule rule = Rule.parse(RULE);
            rule.compile(Backend.SCALAR);
            if (Kernel.vectorAvailable()) {
                rule.compile(Backend.VECTOR);
            }
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("compiler not yet merged: " + e.getMessage());
        }
    }

    @Test
    void secondsBoundTheWholeWallTimeWarmUpsIncluded() throws IOException {
        assumeCompilerPresent();
        long start = System.nanoTime();
        // four measurements of one second each, plus their warm-ups, took more than four seconds before
        int status = run("bench", ruleFile().toString(), "--size", "65536", "--seconds", "1", "--threads", "1");
        double elapsed = (System.nanoTime() - start) / 1e9;
        assertEquals(0, status, err.toString());
        assertTrue(elapsed < 3.5, "bench --seconds 1 took " + elapsed + " s");
    }

    @Test
    void printsARowPerBackendWithPositiveNumbers() throws IOException {
        assumeCompilerPresent();
        int status = run("bench", ruleFile().toString(), "--size", "50000", "--seconds", "4", "--threads", "2",
                "--warm-up", "0.5");
        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("50,000 weights, 2 threads, 20 bytes per weight per step (12 read, 8 written)"),
                text);
        Matcher bandwidth = Pattern.compile("in-place bandwidth \\(a\\[i\\] \\+= s\\*b\\[i\\]\\): ([0-9.]+) GB/s")
                .matcher(text);
        assertTrue(bandwidth.find(), text);
        assertTrue(Double.parseDouble(bandwidth.group(1)) > 0, text);
        Matcher row = ROW.matcher(text);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(Double.parseDouble(row.group(2)) > 0, "ms/step of " + row.group(1) + ":\n" + text);
            assertTrue(Double.parseDouble(row.group(3)) > 0, "GB/s of " + row.group(1) + ":\n" + text);
        }
        assertEquals(Kernel.vectorAvailable() ? 3 : 2, rows, text);
        assertTrue(text.contains("AUTO picks " + Kernel.autoBackend()), text);
        assertTrue(text.contains(Kernel.autoBackend() + " ") && text.contains("<- AUTO"), text);
    }

    @Test
    void timesARuleOverTensorsOnTheGivenLayout() throws IOException {
        assumeCompilerPresent();
        Path file = dir.resolve("trust.opt");
        Files.writeString(file, "hyper lr = 0.01\nm = 0.9*m + g\nw -= lr*norm(w)/(norm(m) + 1e-6)*m\n");
        int status = run("bench", file.toString(), "--layout", "3x40x50,7,20x30", "--seconds", "4", "--threads", "2",
                "--warm-up", "0.5");
        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("6,607 weights in 5 tensors (4 matrices, 1 vector), 2 threads, 20 bytes per weight"),
                text);
        assertTrue(text.contains("in 2 passes over the weights, tensor by tensor"), text);
        Matcher row = ROW.matcher(text);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(Double.parseDouble(row.group(2)) > 0, "ms/step of " + row.group(1) + ":\n" + text);
        }
        assertEquals(Kernel.vectorAvailable() ? 3 : 2, rows, text);
    }

    /** A --vs row: backend, the two ms/step, the median ratio, its least and greatest, the rounds. */
    private static final Pattern PAIRED = Pattern.compile(
            "(?m)^(SCALAR|VECTOR)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)x \\(([0-9.]+)-([0-9.]+)\\)\\s+([0-9]+)");

    /** Each --vs row, checked for order and consistency: backend -> {ms A, ms B, ratio}. */
    private java.util.Map<String, double[]> pairedRows(String text) {
        java.util.Map<String, double[]> rows = new java.util.LinkedHashMap<>();
        Matcher m = PAIRED.matcher(text);
        while (m.find()) {
            double a = Double.parseDouble(m.group(2));
            double b = Double.parseDouble(m.group(3));
            double ratio = Double.parseDouble(m.group(4));
            assertTrue(a > 0 && b > 0, text);
            assertTrue(Double.parseDouble(m.group(5)) <= ratio && ratio <= Double.parseDouble(m.group(6)), text);
            assertTrue(Integer.parseInt(m.group(7)) >= 1, text);
            rows.put(m.group(1), new double[] {a, b, ratio});
        }
        return rows;
    }

    @Test
    void aRuleAgainstItselfTakesAboutTheSameTime() throws IOException {
        assumeCompilerPresent();
        String file = ruleFile().toString();
        int status = run("bench", file, "--vs", file, "--size", "20000", "--seconds", "4", "--threads", "1",
                "--warm-up", "0.5");
        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("rule momentum (" + file + ") against momentum (" + file + "), each on its own copy"
                + " of the 20,000 weights, 1 thread"), text);
        java.util.Map<String, double[]> rows = pairedRows(text);
        assertEquals(Kernel.vectorAvailable() ? 2 : 1, rows.size(), text);
        for (double[] row : rows.values()) {
            // the same loop alternating with itself: a median ratio far from 1 would be a bookkeeping error
            assertTrue(row[2] > 0.5 && row[2] < 2, text);
        }
    }

    @Test
    void theRatioIsTheFirstRulesTimeOverTheSeconds() throws IOException {
        assumeCompilerPresent();
        Path heavy = dir.resolve("heavy.opt");
        StringBuilder src = new StringBuilder("hyper lr = 0.01\na0 = g\n");
        for (int k = 1; k <= 12; k++) {
            src.append("a").append(k).append(" = exp(0.001*a").append(k - 1).append(") + log(abs(a").append(k - 1)
                    .append(") + 1)\n");
        }
        Files.writeString(heavy, src.append("w -= lr*a12\n").toString());
        Path light = dir.resolve("light.opt");
        Files.writeString(light, "hyper lr = 0.01\nw -= lr*g\n");
        int status = run("bench", heavy.toString(), "--vs", light.toString(), "--size", "20000", "--seconds", "4",
                "--threads", "1", "--warm-up", "0.5");
        assertEquals(0, status, err.toString());
        String text = out.toString();
        double[] scalar = pairedRows(text).get("SCALAR");
        assertTrue(scalar != null, text);
        // 24 transcendental calls per weight against one multiply-add: far slower, by any noise
        assertTrue(scalar[0] > scalar[1] && scalar[2] > 2, text);
    }

    @Test
    void aMissingOrUnboundSecondRuleIsBadInput() throws IOException {
        String file = ruleFile().toString();
        assertEquals(Main.BAD_INPUT, run("bench", file, "--vs", dir.resolve("nope.opt").toString()));
        assertTrue(err.toString().contains("nope.opt") && err.toString().contains("no such file"), err.toString());
        Path unbound = dir.resolve("unbound.opt");
        Files.writeString(unbound, "w -= lr*g\n");
        assertEquals(Main.BAD_INPUT, run("bench", file, "--vs", unbound.toString(), "--size", "16"));
        assertTrue(err.toString().contains("missing value for hyperparameter 'lr'"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void badLayoutsAreBadInput() throws IOException {
        String file = ruleFile().toString();
        assertEquals(Main.BAD_INPUT, run("bench", file, "--layout", "64x512x"));
        assertTrue(err.toString().contains("--layout: term 1 '64x512x'"), err.toString());
        assertEquals(Main.BAD_INPUT, run("bench", file, "--layout", "64x512", "--size", "100"));
        assertTrue(err.toString().contains("give --size or --layout, not both"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void missingFileIsBadInput() {
        int status = run("bench", dir.resolve("nope.opt").toString(), "--size", "16", "--seconds", "0.01");
        assertEquals(Main.BAD_INPUT, status);
        assertTrue(err.toString().contains("nope.opt") && err.toString().contains("no such file"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void badOptionsAreBadInput() throws IOException {
        String file = ruleFile().toString();
        assertEquals(Main.BAD_INPUT, run("bench", file, "--size", "0"));
        assertTrue(err.toString().contains("--size must be at least 1, got 0"), err.toString());
        assertEquals(Main.BAD_INPUT, run("bench", file, "--seconds", "-1"));
        assertTrue(err.toString().contains("--seconds must be more than 0"), err.toString());
        assertEquals(Main.BAD_INPUT, run("bench", file, "--threads", "0"));
        assertTrue(err.toString().contains("--threads must be at least 1, got 0"), err.toString());
        assertEquals(Main.BAD_INPUT, run("bench", file, "--warm-up", "NaN"));
        assertTrue(err.toString().contains("--warm-up must be at least 0"), err.toString());
        assertEquals(Main.BAD_INPUT, run("bench", file, "--set", "lr=fast"));
        assertTrue(err.toString().contains("--set") && err.toString().contains("'fast' is not a double"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void unknownHyperparameterIsBadInput() throws IOException {
        assumeCompilerPresent();
        assertEquals(Main.BAD_INPUT, run("bench", ruleFile().toString(), "--size", "16", "--seconds", "0.01",
                "--set", "lrr=0.1"));
        assertTrue(err.toString().contains("unknown hyperparameter 'lrr'"), err.toString());
    }
}

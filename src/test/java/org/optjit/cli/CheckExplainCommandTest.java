package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckExplainCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void checkAcceptsValidRulesAndNamesTheirRoles() throws IOException {
        Path ok = write("momentum.opt", "v = mu*v - eps*g; w += v\n");
        CliRunner r = CliRunner.run("check", ok.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("momentum.opt: ok (hyperparameters: mu, eps; state: v)"), r.out());
    }

    @Test
    void checkReportsEveryErrorOfEveryFileWithLocationAndExitsTwo() throws IOException {
        Path good = write("good.opt", "w -= lr*g\n");
        Path bad1 = write("bad1.opt", "w -= lr * sqr(g)\n");
        Path bad2 = write("bad2.opt", "t = 1\nw -= g\n");
        CliRunner r = CliRunner.run("check", good.toString(), bad1.toString(), bad2.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(bad1 + ":1:11: error:"), r.err());
        assertTrue(r.err().contains("did you mean 'sqrt'?"), r.err());
        assertTrue(r.err().contains(bad2 + ":1:1: error:"), r.err());
        assertTrue(r.err().contains("    ^"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void checkOfAMissingFileOrGarbageIsACleanError() throws IOException {
        Path garbage = dir.resolve("garbage.opt");
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        for (String f : new String[] {dir.resolve("nope.opt").toString(), garbage.toString()}) {
            CliRunner r = CliRunner.run("check", f);
            assertEquals(2, r.status(), f);
            assertTrue(r.err().startsWith(f), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void explainShowsRolesStepScalarsTrafficIrAndBytecode() throws IOException {
        Path adam = write("adam.opt", String.join("\n",
                "hyper lr = 0.001, b1 = 0.9, b2 = 0.999, eps = 1e-8",
                "m = b1*m + (1 - b1)*g",
                "v = b2*v + (1 - b2)*g^2",
                "bc1 = 1 - b1^t",
                "bc2 = 1 - b2^t",
                "mhat = m / bc1",
                "w -= lr * mhat / (sqrt(v / bc2) + eps)", ""));
        CliRunner r = CliRunner.run("explain", adam.toString());
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("lr     hyperparameter, declared, default 0.001"), out);
        assertTrue(out.contains("m      state, inferred, initial value 0"), out);
        assertTrue(out.contains("bc1    step scalar"), out);
        assertTrue(out.contains("mhat   temporary"), out);
        // w, g, m, v read; w, m, v written
        assertTrue(out.contains("16 bytes read, 12 bytes written"), out);
        assertTrue(out.contains("body (float32, once per weight)"), out);
        assertTrue(out.contains("bytecode (SCALAR)"), out);
        assertTrue(out.contains("FDIV"), out);
    }

    @Test
    void unknownOptionsAndBackendsAreUsageErrors() throws IOException {
        Path ok = write("sgd.opt", "w -= lr*g\n");
        assertEquals(2, CliRunner.run("explain", "--backend", "GPU", ok.toString()).status());
        assertEquals(2, CliRunner.run("check").status());
        assertEquals(2, CliRunner.run("frobnicate").status());
        CliRunner help = CliRunner.run("check", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Usage: optjit check"), help.out());
    }

    /** Muon's last pass runs as one variant per value of ndim == 2 (its first only for matrices), and explain says so. */
    @Test
    void explainListsTheBranchVariantsOfAPass() {
        CliRunner r = CliRunner.run("explain", "--no-bytecode", "examples/muon.opt");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("pass 1 runs as 2 variants, one per value of $"), r.out());
        assertTrue(r.out().contains("computes the argument of orth #0, only for tensors where $"), r.out());
        CliRunner lamb = CliRunner.run("explain", "--no-bytecode", "examples/lamb.opt");
        assertFalse(lamb.out().contains("variants"), lamb.out());
        CliRunner lookahead = CliRunner.run("explain", "--no-bytecode", "examples/lookahead.opt");
        assertTrue(lookahead.out().contains("the step runs as 2 variants, one per value of u"), lookahead.out());
        CliRunner bytecode = CliRunner.run("explain", "--backend", "VECTOR", "examples/muon.opt");
        assertTrue(bytecode.out().contains("\nVectorKernel_muon_pass1_v1:\n"), bytecode.out());
        CliRunner elementWise = CliRunner.run("explain", "--backend", "VECTOR", "examples/lookahead.opt");
        assertTrue(elementWise.out().contains("\nVectorKernel_lookahead_v0:\n")
                && elementWise.out().contains("\nVectorKernel_lookahead_v1:\n"), elementWise.out());
    }

    /**
     * How a tensor too large for one thread is shared: LAMB's in parts; Adafactor's in whole rows
     * and blocks of its column sums; Muon's with its orth in panels.
     */
    @Test
    void explainSaysWhetherThreadsShareALargeTensor() {
        CliRunner lamb = CliRunner.run("explain", "--no-bytecode", "examples/lamb.opt");
        assertTrue(lamb.out().contains("tensor by tensor (one with more than a thread's share of the weights: by all threads)"),
                lamb.out());
        CliRunner adafactor = CliRunner.run("explain", "--no-bytecode", "examples/adafactor.opt");
        assertTrue(adafactor.out().contains("tensor by tensor (one with more than a thread's share of the weights: by all"
                + " threads, in whole rows and blocks of a column's sums)"), adafactor.out());
        CliRunner muon = CliRunner.run("explain", "--no-bytecode", "examples/muon.opt");
        assertTrue(muon.out().contains("tensor by tensor (one with more than a thread's share of the weights: by all"
                + " threads; orth's products split among them in panels of columns)"), muon.out());
    }
}

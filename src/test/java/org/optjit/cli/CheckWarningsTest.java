package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} warns and exits 0; {@code check --strict} makes warnings errors (exit 2). */
class CheckWarningsTest {

    @Test
    void theBetta2FileWarnsWithItsLineAndStrictExits2(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("adam_typo.opt");
        Files.writeString(f, "hyper lr = 0.001, beta2 = 0.999\nv = betta2*v + (1-beta2)*g^2\nw -= lr*g/sqrt(v + 1e-8)\n");
        CliRunner r = CliRunner.run("check", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(f + ":2:5: warning: ") && r.err().contains("did you mean 'beta2'?"), r.err());
        assertTrue(r.out().contains("1 warning"), r.out());
        CliRunner strict = CliRunner.run("check", "--strict", f.toString());
        assertEquals(2, strict.status());
        assertTrue(strict.err().contains(f + ":2:5: error: "), strict.err());
        assertTrue(!strict.out().contains(": ok"), strict.out());
    }

    @Test
    void aCleanFilePassesStrict() {
        assertEquals(0, CliRunner.run("check", "--strict", "examples/adam.opt").status());
    }
}

package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain shows a step scalar assigned on several branches as the select it is. */
class ExplainSelectTest {

    @Test
    void aWarmUpScalarShowsBothBranches(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("warm.opt");
        Files.writeString(f, "hyper lr = 0.1\nif t < 10 {\n  s = lr*t/10\n} else {\n  s = lr\n}\nw -= s*g\n");
        CliRunner r = CliRunner.run("explain", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("s      step scalar (once per step, in double) = (t < 10) ? ((lr * t) / 10) : lr"), r.out());
    }
}

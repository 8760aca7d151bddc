package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.testing.ChildJvm;

/**
 * SCALAR kernels after C2 has compiled them, against the interpreter. The JIT may unroll
 * and auto-vectorise the loop and intrinsify {@code Math.min/max/signum/sqrt}; all of that
 * must keep Java's semantics for NaN and -0, and this is where a difference would show.
 * A child JVM without tiered compilation and with {@code -Xbatch} makes C2 compile each
 * kernel during its warm-up; {@code -XX:+PrintCompilation} lets the test check it did.
 */
class ScalarJitTest {

    @Test
    void compiledKernelsAgreeWithInterpreter() throws Exception {
        ChildJvm r = ChildJvm.run(ScalarJitMain.class,
                List.of("-XX:-TieredCompilation", "-Xbatch", "-XX:+PrintCompilation"), List.of(), 300);
        assertEquals(0, r.exitCode(), r.output());
        int cases = OpPrograms.all().size() + ScalarJitMain.RANDOM_PROGRAMS;
        long compiled = r.output().lines()
                .filter(l -> l.contains("ScalarKernel_") && l.contains("::run") && !l.contains(" % "))
                .count();
        assertTrue(compiled >= cases, "expected every kernel's run compiled by C2 (" + cases + "), saw " + compiled);
        assertTrue(r.output().contains("agrees when compiled: random" + (ScalarJitMain.RANDOM_PROGRAMS - 1)),
                r.output());
    }
}

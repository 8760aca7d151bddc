package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.testing.ChildJvm;

/**
 * The {@link OpCorpus} in C2-compiled code. Before compilation, the Vector API runs Java
 * fallbacks that follow {@code Math} exactly; only compiled code uses the hardware
 * instructions and vector math library whose NaN, -0 and rounding behaviour this backend
 * depends on. A child JVM with {@code -Xbatch} makes compilation deterministic, and
 * {@code -XX:+PrintCompilation} lets the test check that the kernels were compiled.
 */
class VectorJitTest {

    @Test
    void compiledKernelsAgreeWithInterpreter() throws Exception {
        ChildJvm r = ChildJvm.run(JitAgreementMain.class,
                List.of("-Doptjit.verify=true", "-Xbatch", "-XX:+PrintCompilation"), List.of(), 600);
        assertEquals(0, r.exitCode(), r.output());
        long compiled = r.output().lines()
                .filter(l -> l.contains("VectorKernel") && l.contains("::run") && !l.contains("%")
                        && l.matches(".*\\s4\\s+org\\.optjit.*"))
                .count();
        int cases = OpCorpus.all().size() + JitAgreementMain.RANDOM_PROGRAMS;
        assertTrue(compiled >= cases, "expected every kernel's run compiled by C2 (" + cases + "), saw " + compiled
                + "\n" + r.output().lines().filter(l -> l.contains("VectorKernel")).toList());
        assertTrue(r.output().contains("agrees when compiled: random" + (JitAgreementMain.RANDOM_PROGRAMS - 1)),
                r.output());
    }
}

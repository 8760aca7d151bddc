package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.testing.ChildJvm;

/**
 * Generated kernels are hidden classes that are unloaded with their last instance: a JVM
 * with a 24 MB metaspace compiles 100,000 of them. Holding on to them instead must run out
 * of metaspace, which shows that the limit is small enough to catch a leak.
 */
class UnloadingTest {

    /** The child only compiles rules: C1 suffices and leaves the CPU to the test. */
    private static final List<String> JVM = List.of("-XX:MaxMetaspaceSize=24m", "-Xmx256m", "-XX:TieredStopAtLevel=1");

    @Test
    void hundredThousandKernelsFitInASmallMetaspace() throws Exception {
        ChildJvm r = ChildJvm.run(CompileMany.class, JVM, List.of("100000"), 150);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("compiled 100000"), r.output());
    }

    @Test
    void keepingTheKernelsExhaustsThatMetaspace() throws Exception {
        ChildJvm r = ChildJvm.run(CompileMany.class, JVM, List.of("100000", "keep"), 150);
        assertTrue(r.exitCode() != 0 && r.output().contains("OutOfMemoryError: Metaspace"), r.output());
    }
}

package org.optjit.codegen.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.testing.ChildJvm;

/**
 * Generated vector kernels are hidden classes that the JVM unloads with their last
 * instance: {@link UnloadingMain#KERNELS} of them fit in a metaspace far too small to hold
 * them all at once.
 */
class VectorUnloadingTest {

    /** Enough for the JVM, ASM and the Vector API; 20,000 kernels that stayed loaded would need far more. */
    private static final String METASPACE = "-XX:MaxMetaspaceSize=48m";

    @Test
    void twentyThousandKernelsInSmallMetaspace() throws Exception {
        ChildJvm r = ChildJvm.run(UnloadingMain.class, List.of(METASPACE, "-Xmx256m"), List.of(), 600);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("compiled and ran " + UnloadingMain.KERNELS), r.output());
    }
}

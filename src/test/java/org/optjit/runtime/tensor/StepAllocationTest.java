package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * A step of a rule over tensors allocates nothing as long as its tensors: the scratch arrays
 * its passes store reduction values in come from the state's {@link Workspace}, as its kept
 * values do. Before, every step allocated and zeroed them afresh (two arrays of 65,536 floats
 * for LAMB on 512 x 512 matrices: half a MiB per step on VECTOR, about 1% of the step's
 * time). Counted with the JVM's per-thread allocation counter, on one thread, on SCALAR (a
 * VECTOR kernel allocates boxes until C2 has compiled it, and so do the runtime's Vector API
 * sums, which SCALAR steps use too: hence the least over many rounds).
 */
class StepAllocationTest {

    @Test
    void stepsReuseTheirScratchArrays() throws Exception {
        Layout layout = Layout.builder().matrix("a", 128, 128).matrix("b", 128, 128).vector("c", 128).build();
        Optimizer opt = Rule.load(Path.of("examples", "lamb.opt")).compile(Backend.SCALAR).bind(Map.of()).threads(1);
        float[] w = new float[layout.size()];
        float[] g = new float[layout.size()];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
            g[i] = (float) r.nextGaussian();
        }
        OptimizerState s = opt.newState(w, layout);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // The least over rounds of ten steps: until the JIT has compiled the runtime's Vector API
        // sums, they allocate boxes (megabytes per step on JDK 25); the scratch arrays were
        // allocated at every step whatever the JIT had done.
        long perStep = Long.MAX_VALUE;
        long end = System.nanoTime() + 20_000_000_000L;
        for (int round = 0; round < 400 && System.nanoTime() < end; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int k = 0; k < 10; k++) {
                opt.step(w, g, s);
            }
            perStep = Math.min(perStep, (threads.getThreadAllocatedBytes(id) - before) / 10);
        }
        // the two scratch arrays of SCALAR calls (8,192 floats each) were 64 KiB; what is left is
        // small objects per pass and tensor (about 9.5 KiB on JDK 17 and 25)
        assertTrue(perStep < 32 * 1024, "a step allocated at least " + perStep + " bytes");
    }
}

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
 * time). Counted with the JVM's per-thread allocation counter, on one thread, on SCALAR: the
 * Vector API allocates boxes until C2 has compiled a kernel.
 */
class StepAllocationTest {

    @Test
    void stepsReuseTheirScratchArrays() throws Exception {
        Layout layout = Layout.builder().matrix("a", 512, 512).matrix("b", 512, 512).vector("c", 512).build();
        Optimizer opt = Rule.load(Path.of("examples", "lamb.opt")).compile(Backend.SCALAR).bind(Map.of()).threads(1);
        float[] w = new float[layout.size()];
        float[] g = new float[layout.size()];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
            g[i] = (float) r.nextGaussian();
        }
        OptimizerState s = opt.newState(w, layout);
        for (int k = 0; k < 3; k++) {
            opt.step(w, g, s);  // the first steps size the workspace
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        int steps = 10;
        for (int k = 0; k < steps; k++) {
            opt.step(w, g, s);
        }
        long perStep = (threads.getThreadAllocatedBytes(id) - before) / steps;
        // the two scratch arrays of SCALAR calls (8,192 floats each) were 64 KiB; what is left is
        // small objects per pass and tensor (about 11 KiB, also before the JIT compiles the step)
        assertTrue(perStep < 32 * 1024, "a step allocated " + perStep + " bytes");
    }
}

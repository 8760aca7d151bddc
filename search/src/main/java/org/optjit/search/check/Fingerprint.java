package org.optjit.search.check;

import java.util.Map;
import org.optjit.Kernel;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/**
 * A rule's behaviour on fixed inputs: the weights after each of a few steps on a small
 * quadratic with gradients of both signs, large and tiny, hashed. The weights are a 3 x 4
 * matrix and a vector of 4, so that rules whose reductions differ only in their scope
 * ({@code norm[row](g)}, {@code norm(g)}) or that read shape values behave differently. Two rules with the same
 * fingerprint act alike at the start of training and are taken as one (Real et al. 2019
 * de-duplicate by functional equivalence the same way).
 */
public final class Fingerprint {

    /** What the fingerprint found. */
    public record Result(long hash, boolean finite, boolean moved) {
    }

    static final int WEIGHTS = 16;
    private static final Layout LAYOUT = Layout.builder().matrix("m", 3, 4).vector("v", 4).build();
    static final int STEPS = 6;
    /** The rate bound for the fingerprint: a typical one, so that the updates neither vanish nor explode. */
    static final double RATE = 0.01;

    private Fingerprint() {
    }

    public static Result of(Kernel kernel) {
        // one thread: a rule over tensors would otherwise hand its two tensors to a pool at every step
        Optimizer opt = kernel.bind(kernel.rule().hyperparameters().isEmpty() ? Map.of() : Map.of("lr", RATE)).threads(1);
        float[] w = new float[WEIGHTS];
        float[] g = new float[WEIGHTS];
        for (int i = 0; i < WEIGHTS; i++) {
            w[i] = (float) ((i % 2 == 0 ? 1 : -1) * Math.pow(2, i / 2 - 4));
        }
        float[] start = w.clone();
        OptimizerState state = opt.newState(w, LAYOUT);
        long hash = 0xcbf29ce484222325L;
        boolean finite = true;
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < WEIGHTS; i++) {
                // gradient of sum((w - 0.25)^2 * c_i) plus a fixed disturbance that flips sign
                g[i] = (float) ((w[i] - 0.25f) * (1 + i) + ((i + step) % 3 == 0 ? 0.5 : -0.125));
            }
            opt.step(w, g, state);
            for (float x : w) {
                finite &= Float.isFinite(x);
                hash = (hash ^ (Float.floatToIntBits(x) & 0xffffff00L)) * 0x100000001b3L;
            }
        }
        return new Result(hash, finite, !java.util.Arrays.equals(start, w));
    }
}

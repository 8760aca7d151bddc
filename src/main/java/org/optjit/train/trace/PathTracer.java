package org.optjit.train.trace;

import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/**
 * Runs an optimizer on a 2-D surface: the "network" has two weights, {@code w = (x, y)},
 * and the exact gradient of the surface (full batch, no noise). Weights are float32 as
 * in training; the gradient is computed in double at the float weights.
 */
public final class PathTracer {

    private PathTracer() {
    }

    public static TracedPath trace(Optimizer optimizer, Surface surface, int steps) {
        float[] w = {(float) surface.startX(), (float) surface.startY()};
        float[] g = new float[2];
        OptimizerState state = optimizer.newState(w);
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        xs[0] = w[0];
        ys[0] = w[1];
        int n = 1;
        TracedPath.Outcome outcome = TracedPath.Outcome.FINISHED;
        for (int i = 0; i < steps; i++) {
            double[] grad = surface.gradient(w[0], w[1]);
            g[0] = (float) grad[0];
            g[1] = (float) grad[1];
            optimizer.step(w, g, state);
            if (!Float.isFinite(w[0]) || !Float.isFinite(w[1])) {
                outcome = TracedPath.Outcome.DIVERGED;
                break;
            }
            xs[n] = w[0];
            ys[n] = w[1];
            n++;
        }
        return new TracedPath(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), outcome);
    }
}

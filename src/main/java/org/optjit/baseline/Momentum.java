package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * Classical momentum (Hinton, lecture 6c; Sutskever et al. 2013, "CM"), as a scalar loop:
 * <pre>
 *   v = mu * v - eps * g
 *   w += v
 * </pre>
 * State {@code v} starts at 0.
 *
 * @param eps the learning rate
 * @param mu the momentum
 */
public record Momentum(double eps, double mu) implements Baseline {

    /** The example's defaults. */
    public static final Momentum DEFAULTS = new Momentum(0.001, 0.9);

    @Override
    public String rule() {
        return "momentum";
    }


    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], 0f);
    }

    /** {@code [mu, eps]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) mu, (float) eps};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float mu = u[0];
        float eps = u[1];
        float[] v = state[0];
        for (int i = from; i < to; i++) {
            float vi = mu * v[i] - eps * g[i];
            v[i] = vi;
            w[i] += vi;
        }
    }
}

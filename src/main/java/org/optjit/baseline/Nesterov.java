package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * Nesterov's accelerated gradient in the velocity form of Sutskever et al. 2013, with the
 * gradient taken at the stored weights (the reformulation of Bengio et al. 2012, see
 * Hinton lecture 6c), as a scalar loop:
 * <pre>
 *   v_new = mu * v - eps * g
 *   w += -mu * v + (1 + mu) * v_new
 *   v = v_new
 * </pre>
 * {@code -mu} and {@code 1 + mu} depend only on {@code mu}: computed in double, rounded once.
 * State {@code v} starts at 0.
 *
 * @param eps the learning rate
 * @param mu the momentum
 */
public record Nesterov(double eps, double mu) implements Baseline {

    /** The example's defaults. */
    public static final Nesterov DEFAULTS = new Nesterov(0.001, 0.9);

    @Override
    public String rule() {
        return "nesterov";
    }


    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], 0f);
    }

    /** {@code [mu, eps, -mu, 1 + mu]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) mu, (float) eps, (float) -mu, (float) (1 + mu)};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float mu = u[0];
        float eps = u[1];
        float minusMu = u[2];
        float onePlusMu = u[3];
        float[] v = state[0];
        for (int i = from; i < to; i++) {
            float vi = v[i];
            float vNew = mu * vi - eps * g[i];
            w[i] += minusMu * vi + onePlusMu * vNew;
            v[i] = vNew;
        }
    }
}

package org.optjit.baseline;

import java.util.List;

/**
 * Plain mini-batch gradient descent (Hinton, lecture 6a), as a scalar loop:
 * <pre>
 *   w -= eps * g
 * </pre>
 * Per weight: {@code w = w - (float) eps * g}.
 *
 * @param eps the learning rate
 */
public record Sgd(double eps) implements Baseline {

    /** The example's defaults. */
    public static final Sgd DEFAULTS = new Sgd(0.001);

    @Override
    public String rule() {
        return "sgd";
    }


    @Override
    public List<String> stateNames() {
        return List.of();
    }

    @Override
    public void initState(float[] w, float[][] state) {
        // stateless
    }

    /** {@code [eps]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) eps};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float eps = u[0];
        for (int i = from; i < to; i++) {
            w[i] -= eps * g[i];
        }
    }
}

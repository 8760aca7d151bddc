package org.optjit.baseline;

import java.util.List;
import java.util.Map;

/**
 * Plain mini-batch gradient descent (Hinton, lecture 6a), as a scalar loop:
 * <pre>
 *   w -= lr * g
 * </pre>
 * Per weight: {@code w = w - (float) lr * g}.
 *
 * @param lr the learning rate
 */
public record Sgd(double lr) implements Baseline {

    /** The example's defaults. */
    public static final Sgd DEFAULTS = new Sgd(0.001);

    @Override
    public String rule() {
        return "sgd";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Hyperparameters.of(this);
    }

    @Override
    public List<String> stateNames() {
        return List.of();
    }

    @Override
    public void initState(float[] w, float[][] state) {
        // stateless
    }

    /** {@code [lr]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) lr};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float lr = u[0];
        for (int i = from; i < to; i++) {
            w[i] -= lr * g[i];
        }
    }
}

package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015, algorithm 1), as a scalar loop:
 * <pre>
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   m_hat = m / (1 - beta1^t)
 *   v_hat = v / (1 - beta2^t)
 *   w -= lr * m_hat / (sqrt(v_hat) + eps)
 * </pre>
 * {@code eps} outside the root, as in the paper. The bias corrections depend only on
 * {@code t}: computed once per step in double. States {@code m}, {@code v} start at 0.
 *
 * @param lr  the step size (alpha in the paper)
 * @param beta1  decay of the first moment
 * @param beta2  decay of the second moment
 * @param eps keeps the division finite
 */
public record Adam(double lr, double beta1, double beta2, double eps) implements Baseline {

    /** The example's defaults (the paper's). */
    public static final Adam DEFAULTS = new Adam(0.001, 0.9, 0.999, 1e-8);

    @Override
    public String rule() {
        return "adam";
    }


    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], 0f);
        Arrays.fill(state[1], 0f);
    }

    /** {@code [beta1, 1 - beta1, beta2, 1 - beta2, 1 - beta1^t, 1 - beta2^t, lr, eps]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
            (float) (1 - Math.pow(beta1, t)), (float) (1 - Math.pow(beta2, t)), (float) lr, (float) eps};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float beta1 = u[0];
        float keep1 = u[1];
        float beta2 = u[2];
        float keep2 = u[3];
        float bias1 = u[4];
        float bias2 = u[5];
        float lr = u[6];
        float eps = u[7];
        float[] m = state[0];
        float[] v = state[1];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + keep1 * gi;
            float vi = beta2 * v[i] + keep2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            float mHat = mi / bias1;
            float vHat = vi / bias2;
            w[i] -= lr * mHat / ((float) Math.sqrt(vHat) + eps);
        }
    }
}

package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter 2019, algorithm 2), as a scalar loop, in the order of
 * {@code examples/adamw.opt}:
 * <pre>
 *   w *= 1 - lr * weight_decay
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   w -= lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * The decay is scaled by lr, as in PyTorch. {@link #update} also serves global-norm
 * clipping ({@link ClipAdamW}), which feeds it {@code scale * g}.
 *
 * @param lr the step size
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param eps keeps the division finite (outside the root)
 * @param weight_decay decoupled decay, scaled by lr
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weight_decay) implements Baseline {

    /** The example's defaults (torch.optim.AdamW's). */
    public static final AdamW DEFAULTS = new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01);

    @Override
    public String rule() {
        return "adamw";
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

    /** {@code [beta1, 1 - beta1, beta2, 1 - beta2, 1 - beta1^t, 1 - beta2^t, lr, eps, 1 - lr*weight_decay]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
            (float) (1 - Math.pow(beta1, t)), (float) (1 - Math.pow(beta2, t)), (float) lr, (float) eps,
            (float) (1 - lr * weight_decay)};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        update(w, g, 1f, state[0], state[1], u, from, to);
    }

    /**
     * The AdamW update of {@code [from, to)} with the gradient {@code scale * g}; a scale of
     * 1 gives AdamW itself, bit for bit ({@code 1 * x == x} in IEEE arithmetic).
     */
    public static void update(float[] w, float[] g, float scale, float[] m, float[] v, float[] u, int from, int to) {
        float beta1 = u[0];
        float keep1 = u[1];
        float beta2 = u[2];
        float keep2 = u[3];
        float bias1 = u[4];
        float bias2 = u[5];
        float lr = u[6];
        float eps = u[7];
        float decay = u[8];
        for (int i = from; i < to; i++) {
            float gi = scale * g[i];
            float wi = w[i] * decay;
            float mi = beta1 * m[i] + keep1 * gi;
            float vi = beta2 * v[i] + keep2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            w[i] = wi - lr * (mi / bias1) / ((float) Math.sqrt(vi / bias2) + eps);
        }
    }
}

package org.optjit.baseline;

import java.util.List;
import java.util.Map;

/**
 * LAMB (You et al., "Large batch optimization for deep learning: training BERT in 76
 * minutes", ICLR 2020, algorithm 2), with Adam's bias-corrected moments and a trust ratio
 * per tensor:
 * <pre>
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   r = (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps) + weight_decay * w
 *   trust = ||w|| / ||r||           per tensor; 1 when either norm is 0 (Optax)
 *   w -= lr * trust * r
 * </pre>
 * Per tensor, two passes: the first updates the moments and accumulates {@code ||w||^2}
 * and {@code ||r||^2} (one read of the tensor for both norms); the second applies
 * {@code r}, which these plain loops recompute from the stored moments and {@code w}
 * (the Vector API version keeps it in a per-thread buffer instead). Neither stores
 * {@code r} in an array as long as the weights (8 more bytes per weight through memory).
 * {@code lr * trust} is computed in double and rounded to float once per tensor.
 *
 * @param lr the step size
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param eps keeps the division finite (outside the root)
 * @param weight_decay added to the step before the trust ratio
 */
public record Lamb(double lr, double beta1, double beta2, double eps, double weight_decay) implements TensorBaseline {

    /** Optax's eps; timm's weight decay of 0.01. */
    public static final Lamb DEFAULTS = new Lamb(0.001, 0.9, 0.999, 1e-6, 0.01);

    /** The two loops over one tensor: the scalar ones ({@link #SCALAR_LOOPS}) or the Vector API's. */
    public interface Loops {

        /**
         * Updates {@code m} and {@code v} over {@code [from, to)} and stores {@code ||w||^2}
         * in {@code sums[at]} and {@code ||r||^2} in {@code sums[at + 1]}.
         */
        void moments(float[] w, float[] g, float[] m, float[] v, float[] u, int from, int to, double[] sums, int at);

        /**
         * {@code w -= step * r} over {@code [from, to)}, with {@code r} as {@link #moments}
         * computed it: recomputed from {@code m}, {@code v} and {@code w}, or kept by the
         * implementation, so the step calls this on the same thread right after
         * {@code moments} for the same range.
         */
        void apply(float[] w, float[] m, float[] v, float[] u, float step, int from, int to);
    }

    /** Plain Java loops, one double accumulator per norm in index order. */
    public static final Loops SCALAR_LOOPS = new Loops() {
        @Override
        public void moments(float[] w, float[] g, float[] m, float[] v, float[] u, int from, int to,
                            double[] sums, int at) {
            float beta1 = u[0];
            float keep1 = u[1];
            float beta2 = u[2];
            float keep2 = u[3];
            double ww = 0;
            double rr = 0;
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + keep1 * gi;
                float vi = beta2 * v[i] + keep2 * (gi * gi);
                m[i] = mi;
                v[i] = vi;
                float wi = w[i];
                float ri = direction(mi, vi, wi, u);
                ww += (double) wi * wi;
                rr += (double) ri * ri;
            }
            sums[at] = ww;
            sums[at + 1] = rr;
        }

        @Override
        public void apply(float[] w, float[] m, float[] v, float[] u, float step, int from, int to) {
            for (int i = from; i < to; i++) {
                float wi = w[i];
                w[i] = wi - step * direction(m[i], v[i], wi, u);
            }
        }
    };

    @Override
    public String rule() {
        return "lamb";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        return Hyperparameters.of(this);
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    /** {@code [beta1, 1 - beta1, beta2, 1 - beta2, 1 - beta1^t, 1 - beta2^t, eps, weight_decay]}. */
    public float[] uniforms(long t) {
        return new float[] {(float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
            (float) (1 - Math.pow(beta1, t)), (float) (1 - Math.pow(beta2, t)), (float) eps, (float) weight_decay};
    }

    /** {@code r = m_hat / (sqrt(v_hat) + eps) + weight_decay * w}, in float, from the updated moments. */
    public static float direction(float m, float v, float w, float[] u) {
        return (m / u[4]) / ((float) Math.sqrt(v / u[5]) + u[6]) + u[7] * w;
    }

    @Override
    public void step(float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes, int threads) {
        step(SCALAR_LOOPS, w, g, state, t, offsets, sizes, threads);
    }

    /** A step with the given loops; the vector version calls this with its own. */
    public void step(Loops loops, float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes,
                     int threads) {
        TensorBaseline.checkTensors(w, offsets, sizes);
        float[] u = uniforms(t);
        float[] m = state[0];
        float[] v = state[1];
        double[] sums = new double[2 * offsets.length];
        TensorTasks.forEach(offsets.length, threads, k -> {
            int from = offsets[k];
            int to = from + sizes[k];
            loops.moments(w, g, m, v, u, from, to, sums, 2 * k);
            loops.apply(w, m, v, u, stepSize(sums[2 * k], sums[2 * k + 1]), from, to);
        });
    }

    /** {@code lr * ||w|| / ||r||} from the squared norms, in double; {@code lr} when either is 0. */
    public float stepSize(double wSquared, double rSquared) {
        double trust = wSquared == 0 || rSquared == 0 ? 1 : Math.sqrt(wSquared) / Math.sqrt(rSquared);
        return (float) (lr * trust);
    }
}

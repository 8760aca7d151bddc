package org.optjit.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Global-norm gradient clipping followed by AdamW, as {@code torch.nn.utils.clip_grad_norm_}
 * and {@code torch.optim.AdamW} do it together:
 * <pre>
 *   N = ||g||                       over every tensor (one norm, not one per tensor or group)
 *   g *= min(1, max_norm / (N + 1e-6))
 *   AdamW on the clipped g          ({@link AdamW})
 * </pre>
 * Two passes: one read of {@code g} for the norm, then the AdamW pass, which multiplies the
 * gradient by the clip factor as it reads it (the clipped gradient is never stored). The norm
 * is the square root, in double, of the per-tensor sums of squares added in tensor order;
 * the clip factor is computed in double and rounded to float once. Clipping changes nothing
 * when {@code N + 1e-6 <= max_norm}.
 *
 * @param max_norm the largest global gradient norm passed on unchanged
 * @param adamw the optimizer that follows
 */
public record ClipAdamW(double max_norm, AdamW adamw) implements TensorBaseline {

    /** torch's usual max_norm of 1 with AdamW's defaults. */
    public static final ClipAdamW DEFAULTS = new ClipAdamW(1.0, AdamW.DEFAULTS);

    /** The two loops of a step: the scalar ones ({@link #SCALAR_LOOPS}) or the Vector API's. */
    public interface Loops {

        /** The sum of {@code g[i]^2} over {@code [from, to)}, in double. */
        double sumOfSquares(float[] g, int from, int to);

        /** {@link AdamW#update} over {@code [from, to)} with the gradient {@code scale * g}. */
        void update(float[] w, float[] g, float scale, float[] m, float[] v, float[] u, int from, int to);
    }

    /** Plain Java loops: one double accumulator in index order, and {@link AdamW#update}. */
    public static final Loops SCALAR_LOOPS = new Loops() {
        @Override
        public double sumOfSquares(float[] g, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double x = g[i];
                sum += x * x;
            }
            return sum;
        }

        @Override
        public void update(float[] w, float[] g, float scale, float[] m, float[] v, float[] u, int from, int to) {
            AdamW.update(w, g, scale, m, v, u, from, to);
        }
    };

    @Override
    public String rule() {
        return "adamw_clipped";
    }

    @Override
    public Map<String, Double> hyperparameters() {
        Map<String, Double> out = new LinkedHashMap<>(adamw.hyperparameters());
        out.put("max_norm", max_norm);
        return out;
    }

    @Override
    public List<String> stateNames() {
        return adamw.stateNames();
    }

    @Override
    public void step(float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes, int threads) {
        step(SCALAR_LOOPS, w, g, state, t, offsets, sizes, threads);
    }

    /** A step with the given loops; the vector version calls this with its own. */
    public void step(Loops loops, float[] w, float[] g, float[][] state, long t, int[] offsets, int[] sizes,
                     int threads) {
        TensorBaseline.checkTensors(w, offsets, sizes);
        double[] partial = new double[offsets.length];
        TensorTasks.forEach(offsets.length, threads,
                k -> partial[k] = loops.sumOfSquares(g, offsets[k], offsets[k] + sizes[k]));
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        float scale = clipFactor(Math.sqrt(sum));
        float[] u = adamw.uniforms(t);
        float[] m = state[0];
        float[] v = state[1];
        TensorTasks.forEach(offsets.length, threads,
                k -> loops.update(w, g, scale, m, v, u, offsets[k], offsets[k] + sizes[k]));
    }

    /** {@code min(1, max_norm / (norm + 1e-6))} in double, rounded to float. */
    public float clipFactor(double norm) {
        return (float) Math.min(1, max_norm / (norm + 1e-6));
    }
}

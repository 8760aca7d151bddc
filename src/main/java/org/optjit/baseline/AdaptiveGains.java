package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * Separate adaptive learning rates per connection (Hinton, lecture 6d), as a scalar loop:
 * the gain grows additively while the gradient keeps its sign and shrinks
 * multiplicatively when it flips, and stays within a range:
 * <pre>
 *   if g * g_prev > 0: gain = gain + increase   else: gain = gain * decrease
 *   gain = clip(gain, gain_min, gain_max)
 *   w -= eps * gain * g
 *   g_prev = g
 * </pre>
 * State {@code gain} starts at 1, {@code g_prev} at 0.
 *
 * @param eps       the global learning rate
 * @param increase additive increase (0.05 in the lecture)
 * @param decrease multiplicative decrease (0.95)
 * @param gain_min smallest gain (0.1)
 * @param gain_max largest gain (10)
 */
public record AdaptiveGains(double eps, double increase, double decrease, double gain_min, double gain_max)
        implements Baseline {

    /** The example's defaults (the lecture's). */
    public static final AdaptiveGains DEFAULTS = new AdaptiveGains(0.001, 0.05, 0.95, 0.1, 10);

    @Override
    public String rule() {
        return "adaptive_gains";
    }


    @Override
    public List<String> stateNames() {
        return List.of("gain", "g_prev");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], 1f);
        Arrays.fill(state[1], 0f);
    }

    /** {@code [increase, decrease, gain_min, gain_max, eps]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) increase, (float) decrease, (float) gain_min, (float) gain_max, (float) eps};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float up = u[0];
        float down = u[1];
        float lo = u[2];
        float hi = u[3];
        float eps = u[4];
        float[] gain = state[0];
        float[] gprev = state[1];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float k = gi * gprev[i] > 0 ? gain[i] + up : gain[i] * down;
            k = Math.min(Math.max(k, lo), hi);
            gain[i] = k;
            w[i] -= eps * k * gi;
            gprev[i] = gi;
        }
    }
}

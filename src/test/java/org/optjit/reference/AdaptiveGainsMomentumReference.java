package org.optjit.reference;

import static org.optjit.reference.F32.clip;
import static org.optjit.reference.F32.f;

import java.util.Arrays;
import java.util.Map;

/**
 * Adaptive gains with momentum, driven by the sign agreement of the gradient and the
 * velocity (Hinton, lecture 6d; Jacobs 1988, delta-bar-delta, with the velocity as minus
 * the averaged gradient):
 * <pre>
 *   gain <- gain + 0.05   if g * v < 0      (they agree)
 *   gain <- gain * 0.95   if g * v > 0      (unchanged when 0)
 *   gain <- clip(gain, 0.1, 10)
 *   v <- mu * v - eps * gain * g;   w <- w + v
 * </pre>
 * Gains start at 1; eps = 0.001, mu = 0.9.
 */
final class AdaptiveGainsMomentumReference implements ReferenceRule {

    private final double eps;
    private final double mu;
    private final double increase;
    private final double decrease;
    private final double gainMin;
    private final double gainMax;
    private final float[] gain;
    private final float[] v;

    AdaptiveGainsMomentumReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        mu = h.get("mu", 0.9);
        increase = h.get("increase", 0.05);
        decrease = h.get("decrease", 0.95);
        gainMin = h.get("gain_min", 0.1);
        gainMax = h.get("gain_max", 10);
        gain = new float[w.length];
        Arrays.fill(gain, 1f);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            float agreement = g[i] * v[i];
            float k = gain[i];
            if (agreement < 0) {
                k = k + f(increase);
            } else if (agreement > 0) {
                k = k * f(decrease);
            }
            gain[i] = clip(k, f(gainMin), f(gainMax));
            v[i] = f(mu) * v[i] - f(eps) * gain[i] * g[i];
            w[i] = w[i] + v[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("gain", gain, "v", v);
    }
}

package org.optjit.reference;

import static org.optjit.reference.F32.clip;
import static org.optjit.reference.F32.f;

import java.util.Arrays;
import java.util.Map;

/**
 * Per-connection adaptive gains (Hinton, lecture 6d):
 * <pre>
 *   gain <- gain + 0.05   if g(t) g(t-1) > 0
 *   gain <- gain * 0.95   otherwise
 *   gain <- clip(gain, 0.1, 10);   w <- w - eps * gain * g
 * </pre>
 * Gains start at 1; eps = 0.001.
 */
final class AdaptiveGainsReference implements ReferenceRule {

    private final double eps;
    private final double increase;
    private final double decrease;
    private final double gainMin;
    private final double gainMax;
    private final float[] gain;
    private final float[] gPrev;

    AdaptiveGainsReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        increase = h.get("increase", 0.05);
        decrease = h.get("decrease", 0.95);
        gainMin = h.get("gain_min", 0.1);
        gainMax = h.get("gain_max", 10);
        gain = new float[w.length];
        Arrays.fill(gain, 1f);
        gPrev = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            float k = g[i] * gPrev[i] > 0 ? gain[i] + f(increase) : gain[i] * f(decrease);
            gain[i] = clip(k, f(gainMin), f(gainMax));
            w[i] = w[i] - f(eps) * gain[i] * g[i];
            gPrev[i] = g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("gain", gain, "g_prev", gPrev);
    }
}

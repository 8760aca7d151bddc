package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Classical momentum with Sutskever et al.'s schedule ({@link SutskeverSchedule}):
 * {@code v <- mu_t v - eps g;  w <- w + v}; eps = 0.001, mu_max = 0.99.
 */
final class MomentumScheduleReference implements ReferenceRule {

    private final double eps;
    private final double muMax;
    private final float[] v;

    MomentumScheduleReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        muMax = h.get("mu_max", 0.99);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float mu = f(SutskeverSchedule.mu(t, muMax));
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] - f(eps) * g[i];
            w[i] = w[i] + v[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v);
    }
}

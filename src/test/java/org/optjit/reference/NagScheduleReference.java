package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * NAG with Sutskever et al.'s schedule ({@link SutskeverSchedule}), storing the look-ahead
 * point, which looks ahead with the next step's momentum:
 * <pre>
 *   v <- mu_t * v - eps * g
 *   w <- w + mu_(t+1) * v - eps * g
 * </pre>
 * eps = 0.001, mu_max = 0.99.
 */
final class NagScheduleReference implements ReferenceRule {

    private final double eps;
    private final double muMax;
    private final float[] v;

    NagScheduleReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        muMax = h.get("mu_max", 0.99);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float mu = f(SutskeverSchedule.mu(t, muMax));
        float muNext = f(SutskeverSchedule.mu(t + 1, muMax));
        for (int i = 0; i < w.length; i++) {
            float correction = f(eps) * g[i];
            v[i] = mu * v[i] - correction;
            w[i] = w[i] + (muNext * v[i] - correction);
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v);
    }
}

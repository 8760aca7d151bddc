package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Classical momentum (Hinton, lecture 6c; Sutskever et al. 2013, eq. 1-2):
 * <pre>
 *   v <- mu * v - eps * g
 *   w <- w + v
 * </pre>
 * eps = 0.001, mu = 0.9.
 */
final class MomentumReference implements ReferenceRule {

    private final double eps;
    private final double mu;
    private final float[] v;

    MomentumReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        mu = h.get("mu", 0.9);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            v[i] = f(mu) * v[i] - f(eps) * g[i];
            w[i] = w[i] + v[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v);
    }
}

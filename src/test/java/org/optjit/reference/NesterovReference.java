package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Nesterov's accelerated gradient in the form of Bengio et al. 2012, eq. 7 (DOMAIN.md,
 * lecture 6c), where the stored weights are the look-ahead point:
 * <pre>
 *   v_new = mu * v - eps * g
 *   w    <- w - mu * v + (1 + mu) * v_new
 *   v    <- v_new
 * </pre>
 * eps = 0.001, mu = 0.9.
 */
final class NesterovReference implements ReferenceRule {

    private final double eps;
    private final double mu;
    private final float[] v;

    NesterovReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
        mu = h.get("mu", 0.9);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            float vNew = f(mu) * v[i] - f(eps) * g[i];
            w[i] = w[i] + (f(-mu) * v[i] + f(1 + mu) * vNew);
            v[i] = vNew;
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v);
    }
}

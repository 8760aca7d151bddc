package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * AddSign (Bello et al. 2017), without sign decay:
 * <pre>
 *   m <- beta m + (1 - beta) g
 *   w <- w - lr * (alpha + sign(g) sign(m)) * g
 * </pre>
 * lr = 0.1, alpha = 1, beta = 0.9.
 */
final class AddsignReference implements ReferenceRule {

    private final double lr;
    private final double alpha;
    private final double beta;
    private final float[] m;

    AddsignReference(Hypers h, float[] w) {
        lr = h.get("lr", 0.1);
        alpha = h.get("alpha", 1);
        beta = h.get("beta", 0.9);
        m = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(beta, m[i], g[i]);
            w[i] = w[i] - f(lr) * (f(alpha) + Math.signum(g[i]) * Math.signum(m[i])) * g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m);
    }
}

package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * AdaMax (Kingma and Ba 2015, Algorithm 2) with torch.optim.Adamax's eps:
 * <pre>
 *   m <- beta1 m + (1 - beta1) g
 *   u <- max(beta2 u, |g| + eps)
 *   w <- w - (lr / (1 - beta1^t)) * m / u
 * </pre>
 * lr = 0.002, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
 */
final class AdamaxReference implements ReferenceRule {

    private final AdamHypers p;
    private final float[] m;
    private final float[] u;

    AdamaxReference(Hypers h, float[] w) {
        p = AdamHypers.of(h, 0.002);
        m = new float[w.length];
        u = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float stepSize = f(p.lr() / (1 - Math.pow(p.beta1(), t)));
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(p.beta1(), m[i], g[i]);
            u[i] = Math.max(f(p.beta2()) * u[i], Math.abs(g[i]) + f(p.eps()));
            w[i] = w[i] - stepSize * m[i] / u[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "u", u);
    }
}

package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1; torch.optim.Adam):
 * <pre>
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   w <- w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
 */
final class AdamReference implements ReferenceRule {

    private final AdamHypers p;
    private final float[] m;
    private final float[] v;

    AdamReference(Hypers h, float[] w) {
        p = AdamHypers.of(h, 0.001);
        m = new float[w.length];
        v = new float[w.length];
    }

    double lr() {
        return p.lr();
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float bc1 = f(1 - Math.pow(p.beta1(), t));
        float bc2 = f(1 - Math.pow(p.beta2(), t));
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(p.beta1(), m[i], g[i]);
            v[i] = ema(p.beta2(), v[i], g[i] * g[i]);
            float mHat = m[i] / bc1;
            float vHat = v[i] / bc2;
            w[i] = w[i] - f(p.lr()) * mHat / (sqrt(vHat) + f(p.eps()));
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

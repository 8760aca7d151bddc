package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * NAdam (Dozat 2016, Algorithm 2) with constant momentum beta1 (optax.nadam):
 * <pre>
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   m_hat = beta1 / (1 - beta1^(t+1)) * m + (1 - beta1) / (1 - beta1^t) * g
 *   w <- w - lr * m_hat / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * lr = 0.002, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
 */
final class NadamReference implements ReferenceRule {

    private final AdamHypers p;
    private final float[] m;
    private final float[] v;

    NadamReference(Hypers h, float[] w) {
        p = AdamHypers.of(h, 0.002);
        m = new float[w.length];
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float momentumWeight = f(p.beta1() / (1 - Math.pow(p.beta1(), t + 1)));
        float gradientWeight = f((1 - p.beta1()) / (1 - Math.pow(p.beta1(), t)));
        float bc2 = f(1 - Math.pow(p.beta2(), t));
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(p.beta1(), m[i], g[i]);
            v[i] = ema(p.beta2(), v[i], g[i] * g[i]);
            float mHat = momentumWeight * m[i] + gradientWeight * g[i];
            w[i] = w[i] - f(p.lr()) * mHat / (sqrt(v[i] / bc2) + f(p.eps()));
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

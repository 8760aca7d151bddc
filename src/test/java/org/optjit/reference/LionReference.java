package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Lion (Chen et al. 2023, Algorithm 2):
 * <pre>
 *   c <- beta1 m + (1 - beta1) g
 *   w <- w - lr * (sign(c) + weight_decay * w)
 *   m <- beta2 m + (1 - beta2) g
 * </pre>
 * lr = 1e-4, beta1 = 0.9, beta2 = 0.99, weight_decay = 0.
 */
final class LionReference implements ReferenceRule {

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final float[] m;

    LionReference(Hypers h, float[] w) {
        lr = h.get("lr", 1e-4);
        beta1 = h.get("beta1", 0.9);
        beta2 = h.get("beta2", 0.99);
        weightDecay = h.get("weight_decay", 0);
        m = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            float c = ema(beta1, m[i], g[i]);
            w[i] = w[i] - f(lr) * (Math.signum(c) + f(weightDecay) * w[i]);
            m[i] = ema(beta2, m[i], g[i]);
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m);
    }
}

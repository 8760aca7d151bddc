package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * PowerSign (Bello et al. 2017), without sign decay:
 * <pre>
 *   m <- beta m + (1 - beta) g
 *   w <- w - lr * base^(sign(g) sign(m)) * g
 * </pre>
 * lr = 0.1, base = e, beta = 0.9. The power is computed in double from float operands and
 * rounded once, as the contract defines {@code pow}.
 */
final class PowersignReference implements ReferenceRule {

    private final double lr;
    private final double base;
    private final double beta;
    private final float[] m;

    PowersignReference(Hypers h, float[] w) {
        lr = h.get("lr", 0.1);
        base = h.get("base", Math.E);
        beta = h.get("beta", 0.9);
        m = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(beta, m[i], g[i]);
            float agreement = Math.signum(g[i]) * Math.signum(m[i]);
            float scale = (float) Math.pow(f(base), agreement);
            w[i] = w[i] - f(lr) * scale * g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m);
    }
}

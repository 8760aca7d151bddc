package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * rmsprop with standard momentum (lecture 6e), in Sutskever's velocity form:
 * <pre>
 *   ms <- decay * ms + (1 - decay) * g^2
 *   v  <- mu * v - eps * g / (sqrt(ms) + delta)
 *   w  <- w + v
 * </pre>
 * eps = 0.001, decay = 0.9, delta = 1e-8, mu = 0.9.
 */
final class RmspropMomentumReference implements ReferenceRule {

    private final RmspropHypers p;
    private final double mu;
    private final float[] ms;
    private final float[] v;

    RmspropMomentumReference(Hypers h, float[] w) {
        p = RmspropHypers.of(h);
        mu = h.get("mu", 0.9);
        ms = new float[w.length];
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            ms[i] = ema(p.decay(), ms[i], g[i] * g[i]);
            v[i] = f(mu) * v[i] - f(p.rate()) * g[i] / (sqrt(ms[i]) + f(p.delta()));
            w[i] = w[i] + v[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("ms", ms, "v", v);
    }
}

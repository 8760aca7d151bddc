package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * rmsprop (Tieleman and Hinton, lecture 6e):
 * <pre>
 *   ms <- decay * ms + (1 - decay) * g^2
 *   w  <- w - eps * g / (sqrt(ms) + delta)
 * </pre>
 * eps = 0.001, decay = 0.9, delta = 1e-8.
 */
final class RmspropReference implements ReferenceRule {

    private final RmspropHypers p;
    private final float[] ms;

    RmspropReference(Hypers h, float[] w) {
        p = RmspropHypers.of(h);
        ms = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            ms[i] = ema(p.decay(), ms[i], g[i] * g[i]);
            w[i] = w[i] - f(p.rate()) * g[i] / (sqrt(ms[i]) + f(p.delta()));
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("ms", ms);
    }
}

package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * Centered rmsprop (Graves 2013, eq. 38-41, without momentum; torch.optim.RMSprop with
 * centered=True):
 * <pre>
 *   ms <- decay ms + (1 - decay) g^2;   mg <- decay mg + (1 - decay) g
 *   w  <- w - lr * g / (sqrt(ms - mg^2) + delta)
 * </pre>
 * lr = 0.01, decay = 0.99, delta = 1e-8.
 */
final class CenteredRmspropReference implements ReferenceRule {

    private final RmspropHypers p;
    private final float[] ms;
    private final float[] mg;

    CenteredRmspropReference(Hypers h, float[] w) {
        p = RmspropHypers.of(h, "lr", 0.01, 0.99);
        ms = new float[w.length];
        mg = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            ms[i] = ema(p.decay(), ms[i], g[i] * g[i]);
            mg[i] = ema(p.decay(), mg[i], g[i]);
            w[i] = w[i] - f(p.rate()) * g[i] / (sqrt(ms[i] - mg[i] * mg[i]) + f(p.delta()));
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("ms", ms, "mg", mg);
    }
}

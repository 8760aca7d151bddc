package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019; torch.optim.AdamW): decoupled weight decay, then an
 * unchanged {@link AdamReference} step:
 * <pre>
 *   w <- w * (1 - lr * weight_decay)
 *   w <- Adam(w, g)
 * </pre>
 * weight_decay = 0.01, the rest as Adam.
 */
final class AdamwReference implements ReferenceRule {

    private final double weightDecay;
    private final AdamReference adam;

    AdamwReference(Hypers h, float[] w) {
        weightDecay = h.get("weight_decay", 0.01);
        adam = new AdamReference(h, w);
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        // Per weight, the decay reads only w and the Adam step never reads w: doing all
        // decays first is the same arithmetic as interleaving them.
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] * f(1 - adam.lr() * weightDecay);
        }
        adam.step(w, g, t);
    }

    @Override
    public Map<String, float[]> state() {
        return adam.state();
    }
}

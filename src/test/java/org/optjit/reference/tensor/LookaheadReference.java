package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Lookahead (Zhang, Lucas, Hinton and Ba 2019, Algorithm 1) around Adam ({@link AdamW}
 * without decay): Adam moves the fast weights w every step; every k steps the slow weights
 * move towards them and the fast weights restart from there:
 * <pre>
 *   w <- Adam(w, g)
 *   if t mod k = 0:  slow <- slow + alpha (w - slow);   w <- slow
 * </pre>
 * k = 5, alpha = 0.5 (the paper); Adam's lr = 0.001, betas (0.9, 0.999), eps = 1e-8. slow
 * starts at w; Adam's moments are kept across synchronisations.
 */
final class LookaheadReference implements TensorReference {

    private final Layout layout;
    private final AdamW[] adam;
    private final double[] lr;
    private final double[] k;
    private final double[] alpha;
    private final float[] m;
    private final float[] v;
    private final float[] slow;

    LookaheadReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        adam = AdamW.perTensor(h, layout);
        lr = h.perTensor(layout, "lr", 0.001);
        k = h.perTensor(layout, "k", 5);
        alpha = h.perTensor(layout, "alpha", 0.5);
        m = new float[w.length];
        v = new float[w.length];
        slow = w.clone();
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int j = x.index();
            adam[j].step(w, g, m, v, x.offset(), x.end(), lr[j], 0, t);
            if (t % k[j] == 0) {
                for (int i = x.offset(); i < x.end(); i++) {
                    slow[i] = slow[i] + f(alpha[j]) * (w[i] - slow[i]);
                    w[i] = slow[i];
                }
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v, "slow", slow);
    }
}

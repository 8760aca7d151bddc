package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * MARS (Yuan et al. 2024, "MARS: unleashing the power of variance reduction for training
 * large models"), its approximate form (MARS-AdamW with the previous step's gradient in place
 * of a second gradient evaluation), for every tensor:
 * <pre>
 *   c  = g + gamma beta1 / (1 - beta1) (g - g_prev)   (g_prev = 0 on the first step)
 *   c <- c / max(1, ||c||)
 *   w <- AdamW(w, c)
 * </pre>
 * lr = 0.003, beta1 = 0.95, beta2 = 0.99, gamma = 0.025, eps = 1e-8, weight_decay = 0 (the
 * authors' code).
 */
final class MarsReference implements TensorReference {

    private final Layout layout;
    private final double[] lr;
    private final double[] beta1;
    private final double[] gamma;
    private final double[] weightDecay;
    private final AdamW[] adam;
    private final float[] m;
    private final float[] v;
    private final float[] previous;
    private final float[] c;

    MarsReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        lr = h.perTensor(layout, "lr", 0.003);
        beta1 = h.perTensor(layout, "beta1", 0.95);
        gamma = h.perTensor(layout, "gamma", 0.025);
        weightDecay = h.perTensor(layout, "weight_decay", 0.0);
        adam = new AdamW[layout.tensors().size()];
        for (Tensor x : layout.tensors()) {
            adam[x.index()] = new AdamW(beta1[x.index()], h.get(x, "beta2", 0.99), h.get(x, "eps", 1e-8));
        }
        m = new float[w.length];
        v = new float[w.length];
        previous = new float[w.length];
        c = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            float correction = f(gamma[k] * beta1[k] / (1 - beta1[k]));
            for (int i = x.offset(); i < x.end(); i++) {
                c[i] = g[i] + correction * (g[i] - previous[i]);
                previous[i] = g[i];
            }
            float scale = f(Math.max(1, Reductions.norm(c, x)));
            for (int i = x.offset(); i < x.end(); i++) {
                c[i] = c[i] / scale;
            }
            adam[k].step(w, c, m, v, x.offset(), x.end(), lr[k], weightDecay[k], t);
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v, "g_prev", previous);
    }
}

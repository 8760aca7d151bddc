package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Adan (Xie et al. 2022, "Adaptive Nesterov momentum algorithm"), as the authors' code
 * (sail-sg/Adan) computes it, with betas in its convention (the paper's 1 - beta):
 * <pre>
 *   d  = g - g_prev   (0 on the first step)
 *   m  <- beta1 m  + (1 - beta1) g
 *   n1 <- beta2 n1 + (1 - beta2) d
 *   n  <- beta3 n  + (1 - beta3) (g + beta2 d)^2
 *   u  = (m / (1 - beta1^t) + beta2 n1 / (1 - beta2^t)) / (sqrt(n) / sqrt(1 - beta3^t) + eps)
 *   w <- (w - lr u) / (1 + lr weight_decay)
 * </pre>
 * lr = 0.001, betas (0.98, 0.92, 0.99), eps = 1e-8 (the code's defaults), weight_decay = 0.02
 * (what its README trains with; the class's default is 0).
 */
final class AdanReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final double[] beta3;
    private final float[] m;
    private final float[] n1;
    private final float[] n;
    private final float[] previous;

    AdanReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        p = AdamFamily.perTensor(h, layout, new AdamFamily.Defaults(0.001, 0.98, 0.92, 1e-8, 0.02));
        beta3 = h.perTensor(layout, "beta3", 0.99);
        m = new float[w.length];
        n1 = new float[w.length];
        n = new float[w.length];
        previous = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            float bc1 = f(1 - Math.pow(p.beta1()[k], t));
            float bc2 = f(1 - Math.pow(p.beta2()[k], t));
            float rootBc3 = f(Math.sqrt(1 - Math.pow(beta3[k], t)));
            for (int i = x.offset(); i < x.end(); i++) {
                float d = t == 1 ? 0f : g[i] - previous[i];
                m[i] = ema(p.beta1()[k], m[i], g[i]);
                n1[i] = ema(p.beta2()[k], n1[i], d);
                float corrected = g[i] + f(p.beta2()[k]) * d;
                n[i] = ema(beta3[k], n[i], corrected * corrected);
                float u = (m[i] / bc1 + f(p.beta2()[k]) * n1[i] / bc2) / (sqrt(n[i]) / rootBc3 + f(p.eps()[k]));
                w[i] = (w[i] - f(p.lr()[k]) * u) / f(1 + p.lr()[k] * p.weightDecay()[k]);
                previous[i] = g[i];
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "n1", n1, "n", n, "g_prev", previous);
    }
}

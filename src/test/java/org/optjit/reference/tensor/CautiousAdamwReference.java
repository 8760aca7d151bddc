package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Cautious AdamW (Liang et al. 2024, "Cautious optimizers"), the mask normalised by its mean
 * per tensor as timm does:
 * <pre>
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   mask = (m g > 0 ? 1 : 0) / max(mean(mask), 1e-3)
 *   w <- w (1 - lr weight_decay)
 *   w <- w - lr (m / (1 - beta1^t)) mask / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-6 (the authors' code), weight_decay = 0.01
 * (torch.optim.AdamW's).
 */
final class CautiousAdamwReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final float[] m;
    private final float[] v;
    private final float[] mask;

    CautiousAdamwReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        p = AdamFamily.perTensor(h, layout, new AdamFamily.Defaults(0.001, 0.9, 0.999, 1e-6, 0.01));
        m = new float[w.length];
        v = new float[w.length];
        mask = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            for (int i = x.offset(); i < x.end(); i++) {
                m[i] = ema(p.beta1()[k], m[i], g[i]);
                v[i] = ema(p.beta2()[k], v[i], g[i] * g[i]);
                mask[i] = m[i] * g[i] > 0 ? 1f : 0f;
            }
            float norm = f(Math.max(Reductions.mean(mask, x), 1e-3));
            float bc1 = f(1 - Math.pow(p.beta1()[k], t));
            float bc2 = f(1 - Math.pow(p.beta2()[k], t));
            for (int i = x.offset(); i < x.end(); i++) {
                w[i] = w[i] * f(1 - p.lr()[k] * p.weightDecay()[k]);
                float scaled = m[i] / bc1 * (mask[i] / norm);
                w[i] = w[i] - f(p.lr()[k]) * scaled / (sqrt(v[i] / bc2) + f(p.eps()[k]));
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

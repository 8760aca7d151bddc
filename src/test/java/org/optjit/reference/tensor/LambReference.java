package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * LAMB (You et al. 2020) with the paper's schedule, per tensor:
 * <pre>
 *   lr_t = lr min(1, t / warmup) clip(1 - t / total, 0, 1)^power
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   r  = (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps) + weight_decay w
 *   trust = ||w|| / ||r||   for a matrix with both norms non-zero, else 1
 *   w <- w - lr_t trust r
 * </pre>
 * lr = 0.005, beta1 = 0.9, beta2 = 0.999, eps = 1e-6, weight_decay = 0.01, warmup = 100,
 * total = 5000, power = 1; vectors (biases) keep a ratio of 1 as in timm, and a zero norm gives 1 as in
 * Optax.
 */
final class LambReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final float[] m;
    private final float[] v;
    private final float[] r;
    private final double[] warmup;
    private final double[] total;
    private final double[] power;

    LambReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        p = AdamFamily.perTensor(h, layout, new AdamFamily.Defaults(0.005, 0.9, 0.999, 1e-6, 0.01));
        warmup = h.perTensor(layout, "warmup", 100);
        total = h.perTensor(layout, "total", 5000);
        power = h.perTensor(layout, "power", 1);
        m = new float[w.length];
        v = new float[w.length];
        r = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            float bc1 = f(1 - Math.pow(p.beta1()[k], t));
            float bc2 = f(1 - Math.pow(p.beta2()[k], t));
            for (int i = x.offset(); i < x.end(); i++) {
                m[i] = ema(p.beta1()[k], m[i], g[i]);
                v[i] = ema(p.beta2()[k], v[i], g[i] * g[i]);
                r[i] = m[i] / bc1 / (sqrt(v[i] / bc2) + f(p.eps()[k])) + f(p.weightDecay()[k]) * w[i];
            }
            double wn = Reductions.norm(w, x);
            double rn = Reductions.norm(r, x);
            double trust = x.ndim() == 2 && wn > 0 && rn > 0 ? wn / rn : 1;
            // the scheduled rate is one value per step, in double like the trust ratio
            double decay = Math.min(Math.max(1 - t / total[k], 0), 1);
            double lrT = p.lr()[k] * Math.min(1, t / warmup[k]) * Math.pow(decay, power[k]);
            float step = f(lrT * trust);
            for (int i = x.offset(); i < x.end(); i++) {
                w[i] = w[i] - step * r[i];
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

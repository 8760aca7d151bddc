package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * NovoGrad (Ginsburg et al. 2019) as NVIDIA NeMo computes it, with one second moment per
 * tensor:
 * <pre>
 *   v <- ||g||^2 while v is 0 (the first step), else beta2 v + (1 - beta2) ||g||^2
 *   m <- beta1 m + (g / (sqrt(v) + eps) + weight_decay w)
 *   w <- w - lr m
 * </pre>
 * lr = 0.001, beta1 = 0.95, beta2 = 0.98, eps = 1e-8, weight_decay = 0 (NeMo). {@code ||g||^2}
 * is the sum of the float squares; v is stored as a float, the step that updates it going on
 * with its double value.
 */
final class NovogradReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final float[] m;
    private final float[] v;
    private final float[] squares;

    NovogradReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        p = AdamFamily.perTensor(h, layout, new AdamFamily.Defaults(0.001, 0.95, 0.98, 1e-8, 0.0));
        m = new float[w.length];
        v = new float[layout.tensors().size()];
        squares = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            for (int i = x.offset(); i < x.end(); i++) {
                squares[i] = g[i] * g[i];
            }
            double gg = Reductions.sum(squares, x);
            double old = v[k];
            double updated = old == 0 ? gg : p.beta2()[k] * old + (1 - p.beta2()[k]) * gg;
            v[k] = (float) updated;
            float denominator = f(Math.sqrt(updated) + p.eps()[k]);
            for (int i = x.offset(); i < x.end(); i++) {
                m[i] = f(p.beta1()[k]) * m[i] + (g[i] / denominator + f(p.weightDecay()[k]) * w[i]);
                w[i] = w[i] - f(p.lr()[k]) * m[i];
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

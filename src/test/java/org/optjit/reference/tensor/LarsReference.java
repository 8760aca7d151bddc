package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * LARS (You, Gitman and Ginsburg 2017), TensorFlow's form, per tensor:
 * <pre>
 *   trust = eta ||w|| / (||g|| + weight_decay ||w|| + eps)   (1 when ||w|| or ||g|| is 0)
 *   v <- momentum v + lr trust (g + weight_decay w)
 *   w <- w - v
 * </pre>
 * momentum = 0.9, weight_decay = 1e-4, eta = 0.001, eps = 0; lr = 1 (TensorFlow requires
 * one; with 1 the step is eta times the weight's norm).
 */
final class LarsReference implements TensorReference {

    private final Layout layout;
    private final double[] lr;
    private final double[] momentum;
    private final double[] weightDecay;
    private final double[] eta;
    private final double[] eps;
    private final float[] v;

    LarsReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        lr = h.perTensor(layout, "lr", 1.0);
        momentum = h.perTensor(layout, "momentum", 0.9);
        weightDecay = h.perTensor(layout, "weight_decay", 1e-4);
        eta = h.perTensor(layout, "eta", 0.001);
        eps = h.perTensor(layout, "eps", 0.0);
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            double wn = Reductions.norm(w, x);
            double gn = Reductions.norm(g, x);
            double trust = wn > 0 && gn > 0 ? eta[k] * wn / (gn + weightDecay[k] * wn + eps[k]) : 1;
            float scaledLr = f(lr[k] * trust);
            for (int i = x.offset(); i < x.end(); i++) {
                v[i] = f(momentum[k]) * v[i] + scaledLr * (g[i] + f(weightDecay[k]) * w[i]);
                w[i] = w[i] - v[i];
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v);
    }
}

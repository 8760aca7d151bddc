package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Muon (Jordan et al. 2024, muon.py's MuonWithAuxAdam): momentum with Nesterov's
 * look-ahead, orthogonalised ({@link NewtonSchulz}), for matrices; AdamW for vectors:
 * <pre>
 *   matrix:  m <- mu m + (1 - mu) g;   u = mu m + (1 - mu) g
 *            w <- w (1 - lr weight_decay) - lr sqrt(max(1, rows / cols)) orth(u)
 *   vector:  w <- AdamW(w, g) with adam_lr, betas (beta1, beta2), eps
 * </pre>
 * lr = 0.02, mu = 0.95, weight_decay = 0.01 (the Muon README's usage; muon.py's default is
 * 0); adam_lr = 3e-4, beta1 = 0.9, beta2 = 0.95, eps = 1e-10 (muon.py's defaults). orth is computed in double, so the
 * weights of matrices agree with an implementation in float only within a tolerance.
 */
final class MuonReference implements TensorReference {

    private final Layout layout;
    private final double[] lr;
    private final double[] mu;
    private final double[] weightDecay;
    private final double[] adamLr;
    private final AdamW[] adam;
    private final float[] m;
    private final float[] v;

    MuonReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        lr = h.perTensor(layout, "lr", 0.02);
        mu = h.perTensor(layout, "mu", 0.95);
        weightDecay = h.perTensor(layout, "weight_decay", 0.01);
        adamLr = h.perTensor(layout, "adam_lr", 3e-4);
        adam = new AdamW[layout.tensors().size()];
        for (Tensor x : layout.tensors()) {
            adam[x.index()] = new AdamW(h.get(x, "beta1", 0.9), h.get(x, "beta2", 0.95), h.get(x, "eps", 1e-10));
        }
        m = new float[w.length];
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            if (x.ndim() == 1) {
                adam[k].step(w, g, m, v, x.offset(), x.end(), adamLr[k], weightDecay[k], t);
                continue;
            }
            double[][] u = new double[x.rows()][x.cols()];
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    int e = x.offset() + i * x.cols() + j;
                    m[e] = f(mu[k]) * m[e] + f(1 - mu[k]) * g[e];
                    u[i][j] = f(mu[k]) * m[e] + f(1 - mu[k]) * g[e];
                }
            }
            double[][] o = NewtonSchulz.orth(u);
            float step = f(lr[k] * Math.sqrt(Math.max(1, (double) x.rows() / x.cols())));
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    int e = x.offset() + i * x.cols() + j;
                    w[e] = w[e] * f(1 - lr[k] * weightDecay[k]);
                    w[e] = w[e] - step * (float) o[i][j];
                }
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

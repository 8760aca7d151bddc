package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Adaptive gradient clipping (Brock et al. 2021, "High-performance large-scale image
 * recognition without normalization", section 4), unit-wise as the authors' code and timm
 * compute it: a unit is a row of a matrix ([out, in]: one output unit), and a whole vector:
 * <pre>
 *   limit = clip_factor * max(||w_unit||, eps)
 *   g_unit <- g_unit * limit / max(||g_unit||, 1e-6)   unless ||g_unit|| < limit
 * </pre>
 * clip_factor = 0.01, eps = 1e-3 (timm).
 */
final class AgcReference implements GradientTransform {

    private final Layout layout;
    private final double[] clipFactor;
    private final double[] eps;

    AgcReference(TensorHypers h, Layout layout) {
        this.layout = layout;
        clipFactor = h.perTensor(layout, "clip_factor", 0.01);
        eps = h.perTensor(layout, "eps", 1e-3);
    }

    @Override
    public void apply(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            if (x.ndim() == 1) {
                scale(g, x.offset(), x.end(), Reductions.norm(w, x), Reductions.norm(g, x), x.index());
            } else {
                for (int i = 0; i < x.rows(); i++) {
                    int from = x.offset() + i * x.cols();
                    scale(g, from, from + x.cols(), Reductions.rowNorm(w, x, i), Reductions.rowNorm(g, x, i), x.index());
                }
            }
        }
    }

    private void scale(float[] g, int from, int to, double wNorm, double gNorm, int k) {
        double limit = clipFactor[k] * Math.max(wNorm, eps[k]);
        float s = f(gNorm < limit ? 1 : limit / Math.max(gNorm, 1e-6));
        for (int i = from; i < to; i++) {
            g[i] = g[i] * s;
        }
    }
}

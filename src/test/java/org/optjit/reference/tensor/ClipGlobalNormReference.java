package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Clipping by the global norm, torch.nn.utils.clip_grad_norm_'s form:
 * <pre>
 *   N = ||g|| over every tensor of every group
 *   g <- g * min(1, max_norm / (N + 1e-6))
 * </pre>
 * max_norm = 1 (the usual choice; torch has no default). The factor is computed in double
 * and rounded once.
 */
final class ClipGlobalNormReference implements GradientTransform {

    private final Layout layout;
    private final double[] maxNorm;

    ClipGlobalNormReference(TensorHypers h, Layout layout) {
        this.layout = layout;
        maxNorm = new double[layout.tensors().size()];
        for (Tensor t : layout.tensors()) {
            maxNorm[t.index()] = h.get(t, "max_norm", 1.0);
        }
    }

    @Override
    public void apply(float[] w, float[] g, long step) {
        double n = Reductions.normAll(layout, g);
        for (Tensor t : layout.tensors()) {
            float scale = f(Math.min(1, maxNorm[t.index()] / (n + 1e-6)));
            for (int i = t.offset(); i < t.end(); i++) {
                g[i] = g[i] * scale;
            }
        }
    }
}

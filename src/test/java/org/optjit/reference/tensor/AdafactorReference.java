package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Adafactor (Shazeer and Stern 2018) as Hugging Face transformers computes it with its
 * defaults (relative step, parameter scaling, update clipping, no first moment), with the
 * factored second moment for every tensor (a vector is an n x 1 matrix, where the factored
 * form is the unfactored one):
 * <pre>
 *   beta2_t = 1 - t^(-decay_rate)
 *   R <- beta2_t R + (1 - beta2_t) rowmean(g^2 + eps1)     (one value per row)
 *   C <- beta2_t C + (1 - beta2_t) colmean(g^2 + eps1)     (one value per column)
 *   U  = g / sqrt(R / mean(R)) / sqrt(C)
 *   U <- U / max(1, rms(U) / clip_threshold)
 *   w <- w - max(eps2, rms(w)) min(0.01, 1 / sqrt(t)) U
 * </pre>
 * eps1 = 1e-30, eps2 = 1e-3, clip_threshold = 1, decay_rate = 0.8. R and C are stored as
 * floats; the step that updates them goes on with their double values.
 */
final class AdafactorReference implements TensorReference {

    private final Layout layout;
    private final double[] eps1;
    private final double[] eps2;
    private final double[] clipThreshold;
    private final double[] decayRate;
    private final float[] r;
    private final float[] c;
    private final float[] scratch;

    AdafactorReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        eps1 = h.perTensor(layout, "eps1", 1e-30);
        eps2 = h.perTensor(layout, "eps2", 1e-3);
        clipThreshold = h.perTensor(layout, "clip_threshold", 1.0);
        decayRate = h.perTensor(layout, "decay_rate", 0.8);
        r = new float[layout.totalRows()];
        c = new float[layout.totalCols()];
        scratch = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        int firstRow = 0;
        int firstCol = 0;
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            double beta2 = 1 - Math.pow(t, -decayRate[k]);
            for (int i = x.offset(); i < x.end(); i++) {
                scratch[i] = g[i] * g[i] + f(eps1[k]);
            }
            double[] rows = new double[x.rows()];
            for (int i = 0; i < x.rows(); i++) {
                rows[i] = beta2 * r[firstRow + i] + (1 - beta2) * (Reductions.rowSum(scratch, x, i) / x.cols());
            }
            double[] cols = new double[x.cols()];
            for (int j = 0; j < x.cols(); j++) {
                cols[j] = beta2 * c[firstCol + j] + (1 - beta2) * (Reductions.colSum(scratch, x, j) / x.rows());
            }
            double meanRow = Reductions.sumCoarse(rows, 0, rows.length) / x.rows();
            for (int i = 0; i < x.rows(); i++) {
                float rowFactor = f(Math.sqrt(rows[i] / meanRow));
                for (int j = 0; j < x.cols(); j++) {
                    int e = x.offset() + i * x.cols() + j;
                    scratch[e] = g[e] / rowFactor / f(Math.sqrt(cols[j]));
                }
            }
            float clip = f(Math.max(1, Reductions.rms(scratch, x) / clipThreshold[k]));
            double alpha = Math.max(eps2[k], Reductions.rms(w, x)) * Math.min(0.01, 1 / Math.sqrt(t));
            for (int i = x.offset(); i < x.end(); i++) {
                w[i] = w[i] - f(alpha) * (scratch[i] / clip);
            }
            for (int i = 0; i < x.rows(); i++) {
                r[firstRow + i] = (float) rows[i];
            }
            for (int j = 0; j < x.cols(); j++) {
                c[firstCol + j] = (float) cols[j];
            }
            firstRow += x.rows();
            firstCol += x.cols();
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("r", r, "c", c);
    }
}

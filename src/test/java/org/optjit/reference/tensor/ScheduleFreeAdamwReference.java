package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Schedule-Free AdamW (Defazio et al. 2024, "The road less scheduled"; the authors'
 * reference implementation without warm-up): the gradient is taken at y, the stored weights;
 * z is the base sequence and x, the evaluation weights, its average weighted by lr_max^2:
 * <pre>
 *   v <- beta2 v + (1 - beta2) g^2
 *   z <- z - lr (g / (sqrt(v / (1 - beta2^t)) + eps) + weight_decay y)
 *   lr_max <- max(lr_max, lr);   weight_sum <- weight_sum + lr_max^2
 *   c = lr_max^2 / weight_sum;   x <- (1 - c) x + c z
 *   y <- beta1 x + (1 - beta1) z
 * </pre>
 * lr = 0.0025, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0; x and z start at w.
 * lr_max and weight_sum are stored as floats, once per group.
 */
final class ScheduleFreeAdamwReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final GroupScalars groups;
    private final float[] v;
    private final float[] z;
    private final float[] x;
    private final float[] lrMax;
    private final float[] weightSum;

    ScheduleFreeAdamwReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        groups = new GroupScalars(layout);
        p = AdamFamily.perGroup(h, groups, new AdamFamily.Defaults(0.0025, 0.9, 0.999, 1e-8, 0.0));
        v = new float[w.length];
        z = w.clone();
        x = w.clone();
        lrMax = new float[groups.count()];
        weightSum = new float[groups.count()];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        int n = groups.count();
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            double peak = Math.max(lrMax[k], p.lr()[k]);
            double sum = weightSum[k] + peak * peak;
            c[k] = peak * peak / sum;
            lrMax[k] = (float) peak;
            weightSum[k] = (float) sum;
        }
        for (Tensor tensor : layout.tensors()) {
            int k = groups.of(tensor);
            float bc2 = f(1 - Math.pow(p.beta2()[k], t));
            for (int i = tensor.offset(); i < tensor.end(); i++) {
                v[i] = ema(p.beta2()[k], v[i], g[i] * g[i]);
                z[i] = z[i] - f(p.lr()[k]) * (g[i] / (sqrt(v[i] / bc2) + f(p.eps()[k])) + f(p.weightDecay()[k]) * w[i]);
                x[i] = f(1 - c[k]) * x[i] + f(c[k]) * z[i];
                w[i] = ema(p.beta1()[k], x[i], z[i]);
            }
        }
    }

    @Override
    public void evalWeights(float[] w, float[] out) {
        System.arraycopy(x, 0, out, 0, x.length);
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("v", v, "z", z, "x", x, "lr_max", lrMax, "weight_sum", weightSum);
    }
}

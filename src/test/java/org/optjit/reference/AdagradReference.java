package org.optjit.reference;

import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * AdaGrad, diagonal form (Duchi, Hazan and Singer 2011; torch.optim.Adagrad):
 * <pre>
 *   sum_sq <- sum_sq + g^2
 *   w      <- w - lr * g / (sqrt(sum_sq) + eps)
 * </pre>
 * lr = 0.01, eps = 1e-10.
 */
final class AdagradReference implements ReferenceRule {

    private final double lr;
    private final double eps;
    private final float[] sumSq;

    AdagradReference(Hypers h, float[] w) {
        lr = h.get("lr", 0.01);
        eps = h.get("eps", 1e-10);
        sumSq = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            sumSq[i] = sumSq[i] + g[i] * g[i];
            w[i] = w[i] - f(lr) * g[i] / (sqrt(sumSq[i]) + f(eps));
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("sum_sq", sumSq);
    }
}

package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import org.optjit.Layout;

/**
 * AdamW (Loshchilov and Hutter 2019, PyTorch's form), per weight, as several tensor rules
 * use it for some or all of their tensors:
 * <pre>
 *   w <- w * (1 - lr * weight_decay)
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   w <- w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 * {@code lr} and {@code weightDecay} are given per call: schedules change the one, parameter
 * groups the other.
 */
record AdamW(double beta1, double beta2, double eps) {

    /** beta1 = 0.9, beta2 = 0.999, eps = 1e-8 unless given (Kingma and Ba 2015; PyTorch). */
    static AdamW of(TensorHypers h, String group) {
        return new AdamW(h.get(group, "beta1", 0.9), h.get(group, "beta2", 0.999), h.get(group, "eps", 1e-8));
    }

    /** {@link #of} for the group of each tensor, by tensor index. */
    static AdamW[] perTensor(TensorHypers h, Layout layout) {
        AdamW[] a = new AdamW[layout.tensors().size()];
        for (Layout.Tensor t : layout.tensors()) {
            a[t.index()] = of(h, t.group());
        }
        return a;
    }

    /** One step over {@code [from, to)}; {@code g} is the gradient (or what stands for it). */
    void step(float[] w, float[] g, float[] m, float[] v, int from, int to, double lr, double weightDecay, long t) {
        float decay = f(1 - lr * weightDecay);
        float bc1 = f(1 - Math.pow(beta1, t));
        float bc2 = f(1 - Math.pow(beta2, t));
        for (int i = from; i < to; i++) {
            w[i] = w[i] * decay;
            m[i] = ema(beta1, m[i], g[i]);
            v[i] = ema(beta2, v[i], g[i] * g[i]);
            float mHat = m[i] / bc1;
            float vHat = v[i] / bc2;
            w[i] = w[i] - f(lr) * mHat / (sqrt(vHat) + f(eps));
        }
    }
}

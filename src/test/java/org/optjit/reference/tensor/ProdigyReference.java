package org.optjit.reference.tensor;

import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Prodigy (Mishchenko and Defazio 2023; prodigyopt's prodigy.py with its defaults: no bias
 * correction, decoupled decay, unbounded growth), whose step size d is estimated from sums
 * over all tensors:
 * <pre>
 *   dlr = d lr;   beta3 = sqrt(beta2)
 *   num <- beta3 num + (d / d0) dlr sum_all(g (x0 - w))
 *   m <- beta1 m + (1 - beta1) d g;   v <- beta2 v + (1 - beta2) d^2 g^2
 *   s <- beta3 s + (d / d0) dlr g
 *   d <- max(d, num / sum_all(|s|))
 *   w <- w - dlr weight_decay w;   w <- w - dlr m / (sqrt(v) + d eps)
 * </pre>
 * lr = 1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0, d0 = 1e-6; x0 is the
 * initial weight. The moments use the d of the step's start, the denominator the new d.
 * num and d are stored as floats, once per group.
 */
final class ProdigyReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final GroupScalars groups;
    private final double[] d0;
    private final float[] m;
    private final float[] v;
    private final float[] s;
    private final float[] x0;
    private final float[] d;
    private final float[] num;
    private final float[] scratch;

    ProdigyReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        groups = new GroupScalars(layout);
        p = AdamFamily.perGroup(h, groups, new AdamFamily.Defaults(1.0, 0.9, 0.999, 1e-8, 0.0));
        d0 = groups.hyper(h, "d0", 1e-6);
        m = new float[w.length];
        v = new float[w.length];
        s = new float[w.length];
        x0 = w.clone();
        d = groups.state(d0);
        num = new float[groups.count()];
        scratch = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            scratch[i] = g[i] * (x0[i] - w[i]);
        }
        double progress = Reductions.sumAll(layout, scratch);
        int n = groups.count();
        double[] dOld = new double[n];
        double[] dlr = new double[n];
        double[] numNew = new double[n];
        for (int k = 0; k < n; k++) {
            dOld[k] = d[k];
            dlr[k] = dOld[k] * p.lr()[k];
            numNew[k] = Math.sqrt(p.beta2()[k]) * num[k] + dOld[k] / d0[k] * dlr[k] * progress;
        }
        for (Tensor x : layout.tensors()) {
            int k = groups.of(x);
            float mScale = f((1 - p.beta1()[k]) * dOld[k]);
            float vScale = f((1 - p.beta2()[k]) * dOld[k] * dOld[k]);
            float sScale = f(dOld[k] / d0[k] * dlr[k]);
            for (int i = x.offset(); i < x.end(); i++) {
                m[i] = f(p.beta1()[k]) * m[i] + mScale * g[i];
                v[i] = f(p.beta2()[k]) * v[i] + vScale * (g[i] * g[i]);
                s[i] = f(Math.sqrt(p.beta2()[k])) * s[i] + sScale * g[i];
                scratch[i] = Math.abs(s[i]);
            }
        }
        double sAbs = Reductions.sumAll(layout, scratch);
        double[] dNew = new double[n];
        for (int k = 0; k < n; k++) {
            dNew[k] = Math.max(dOld[k], numNew[k] / sAbs);
            num[k] = (float) numNew[k];
            d[k] = (float) dNew[k];
        }
        for (Tensor x : layout.tensors()) {
            int k = groups.of(x);
            for (int i = x.offset(); i < x.end(); i++) {
                w[i] = w[i] - f(dlr[k] * p.weightDecay()[k]) * w[i];
                w[i] = w[i] - f(dlr[k]) * m[i] / (sqrt(v[i]) + f(dNew[k] * p.eps()[k]));
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v, "s", s, "x0", x0, "d", d, "num", num);
    }
}

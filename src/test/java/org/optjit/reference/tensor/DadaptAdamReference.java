package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * D-Adaptation Adam (Defazio and Mishchenko 2023; facebookresearch/dadaptation's
 * dadapt_adam.py with its defaults: no bias correction, unbounded growth), with decoupled
 * weight decay:
 * <pre>
 *   dlr = d lr;   b = sqrt(beta2)
 *   acc = dlr sum_all(g (s / (sqrt(v) + eps)))        (s and v before this step's update)
 *   m <- beta1 m + dlr (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2
 *   s <- b s + dlr (1 - b) g
 *   numw <- b numw + (1 - b) acc
 *   d <- max(d, numw / ((1 - b) sum_all(|s|)))
 *   w <- w - dlr weight_decay w;   w <- w - m / (sqrt(v) + eps)
 * </pre>
 * lr = 1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weight_decay = 0, d0 = 1e-6 (the initial d).
 * numw and d are stored as floats, once per group.
 */
final class DadaptAdamReference implements TensorReference {

    private final Layout layout;
    private final AdamFamily p;
    private final GroupScalars groups;
    private final float[] m;
    private final float[] v;
    private final float[] s;
    private final float[] d;
    private final float[] numw;
    private final float[] scratch;

    DadaptAdamReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        groups = new GroupScalars(layout);
        p = AdamFamily.perGroup(h, groups, new AdamFamily.Defaults(1.0, 0.9, 0.999, 1e-8, 0.0));
        m = new float[w.length];
        v = new float[w.length];
        s = new float[w.length];
        d = groups.state(groups.hyper(h, "d0", 1e-6));
        numw = new float[groups.count()];
        scratch = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = groups.of(x);
            for (int i = x.offset(); i < x.end(); i++) {
                scratch[i] = g[i] * (s[i] / (sqrt(v[i]) + f(p.eps()[k])));
            }
        }
        double dot = Reductions.sumAll(layout, scratch);
        int n = groups.count();
        double[] dOld = new double[n];
        double[] dlr = new double[n];
        for (int k = 0; k < n; k++) {
            dOld[k] = d[k];
            dlr[k] = dOld[k] * p.lr()[k];
        }
        for (Tensor x : layout.tensors()) {
            int k = groups.of(x);
            double b = Math.sqrt(p.beta2()[k]);
            for (int i = x.offset(); i < x.end(); i++) {
                m[i] = f(p.beta1()[k]) * m[i] + f(dlr[k] * (1 - p.beta1()[k])) * g[i];
                v[i] = ema(p.beta2()[k], v[i], g[i] * g[i]);
                s[i] = f(b) * s[i] + f(dlr[k] * (1 - b)) * g[i];
                scratch[i] = Math.abs(s[i]);
            }
        }
        double sAbs = Reductions.sumAll(layout, scratch);
        for (int k = 0; k < n; k++) {
            double b = Math.sqrt(p.beta2()[k]);
            double acc = dlr[k] * dot;
            double numwNew = b * numw[k] + (1 - b) * acc;
            numw[k] = (float) numwNew;
            d[k] = (float) Math.max(dOld[k], numwNew / ((1 - b) * sAbs));
        }
        for (Tensor x : layout.tensors()) {
            int k = groups.of(x);
            for (int i = x.offset(); i < x.end(); i++) {
                w[i] = w[i] - f(dlr[k] * p.weightDecay()[k]) * w[i];
                w[i] = w[i] - m[i] / (sqrt(v[i]) + f(p.eps()[k]));
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v, "s", s, "d", d, "numw", numw);
    }
}

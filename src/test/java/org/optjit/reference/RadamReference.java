package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * RAdam (Liu et al. 2020, Algorithm 2) as torch.optim.RAdam computes it:
 * <pre>
 *   m <- beta1 m + (1 - beta1) g;   v <- beta2 v + (1 - beta2) g^2;   m_hat = m / (1 - beta1^t)
 *   rho_inf = 2 / (1 - beta2) - 1;   rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 *   if rho_t > 5:  r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 *                  w <- w - lr r_t sqrt(1 - beta2^t) * m_hat / (sqrt(v) + eps)
 *   else:          w <- w - lr * m_hat
 * </pre>
 * lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
 */
final class RadamReference implements ReferenceRule {

    private final AdamHypers p;
    private final float[] m;
    private final float[] v;

    RadamReference(Hypers h, float[] w) {
        p = AdamHypers.of(h, 0.001);
        m = new float[w.length];
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        double bc2 = 1 - Math.pow(p.beta2(), t);
        double rhoInf = 2 / (1 - p.beta2()) - 1;
        double rho = rhoInf - 2.0 * t * Math.pow(p.beta2(), t) / bc2;
        boolean rectified = rho > 5;
        double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
        float adaptiveStep = f(p.lr() * r * Math.sqrt(bc2));
        float bc1 = f(1 - Math.pow(p.beta1(), t));
        for (int i = 0; i < w.length; i++) {
            m[i] = ema(p.beta1(), m[i], g[i]);
            v[i] = ema(p.beta2(), v[i], g[i] * g[i]);
            float mHat = m[i] / bc1;
            if (rectified) {
                w[i] = w[i] - adaptiveStep * mHat / (sqrt(v[i]) + f(p.eps()));
            } else {
                w[i] = w[i] - f(p.lr()) * mHat;
            }
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

package org.optjit.reference;

import static org.optjit.reference.F32.ema;
import static org.optjit.reference.F32.f;
import static org.optjit.reference.F32.sqrt;

import java.util.Map;

/**
 * ADADELTA (Zeiler 2012, Algorithm 1; torch.optim.Adadelta):
 * <pre>
 *   E[g^2]  <- rho E[g^2] + (1 - rho) g^2
 *   dx       = sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps) * g
 *   E[dx^2] <- rho E[dx^2] + (1 - rho) dx^2
 *   w       <- w - lr * dx
 * </pre>
 * lr = 1, rho = 0.9, eps = 1e-6.
 */
final class AdadeltaReference implements ReferenceRule {

    private final double lr;
    private final double rho;
    private final double eps;
    private final float[] eg2;
    private final float[] edx2;

    AdadeltaReference(Hypers h, float[] w) {
        lr = h.get("lr", 1.0);
        rho = h.get("rho", 0.9);
        eps = h.get("eps", 1e-6);
        eg2 = new float[w.length];
        edx2 = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            eg2[i] = ema(rho, eg2[i], g[i] * g[i]);
            float dx = sqrt(edx2[i] + f(eps)) / sqrt(eg2[i] + f(eps)) * g[i];
            edx2[i] = ema(rho, edx2[i], dx * dx);
            w[i] = w[i] - f(lr) * dx;
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("eg2", eg2, "edx2", edx2);
    }
}

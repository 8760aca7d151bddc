package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Gradient descent (Hinton, lecture 6a): {@code w <- w - eps * g}; eps = 0.001
 * (torch.optim.SGD).
 */
final class SgdReference implements ReferenceRule {

    private final double eps;

    SgdReference(Hypers h, float[] w) {
        eps = h.get("eps", 0.001);
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] - f(eps) * g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of();
    }
}

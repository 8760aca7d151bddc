package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Map;

/**
 * Gradient descent (Hinton, lecture 6a): {@code w <- w - lr * g}; lr = 0.001
 * (torch.optim.SGD).
 */
final class SgdReference implements ReferenceRule {

    private final double lr;

    SgdReference(Hypers h, float[] w) {
        lr = h.get("lr", 0.001);
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] - f(lr) * g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of();
    }
}

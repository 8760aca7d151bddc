package org.optjit.reference;

import static org.optjit.reference.F32.f;

import java.util.Arrays;

/**
 * Riedmiller and Braun's per-weight step sizes, shared by {@link RpropReference} and
 * {@link IrpropMinusReference}:
 * <pre>
 *   step <- min(step * eta_plus, step_max)    if g(t) g(t-1) > 0
 *   step <- max(step * eta_minus, step_min)   if g(t) g(t-1) < 0
 * </pre>
 * The initial step is lr = 0.01, eta_plus = 1.2, eta_minus = 0.5, step_min = 1e-6,
 * step_max = 50 (lecture 6e; torch.optim.Rprop).
 */
final class StepSizes {

    private final double etaPlus;
    private final double etaMinus;
    private final double stepMin;
    private final double stepMax;
    final float[] step;

    StepSizes(Hypers h, int n) {
        double lr = h.get("lr", 0.01);
        etaPlus = h.get("eta_plus", 1.2);
        etaMinus = h.get("eta_minus", 0.5);
        stepMin = h.get("step_min", 1e-6);
        stepMax = h.get("step_max", 50);
        step = new float[n];
        Arrays.fill(step, f(lr));
    }

    /** Adapts {@code step[i]} to {@code product = g(t) * g(t-1)}. */
    void adapt(int i, float product) {
        if (product > 0) {
            step[i] = Math.min(step[i] * f(etaPlus), f(stepMax));
        } else if (product < 0) {
            step[i] = Math.max(step[i] * f(etaMinus), f(stepMin));
        }
    }
}

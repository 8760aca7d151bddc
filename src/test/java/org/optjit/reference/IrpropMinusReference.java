package org.optjit.reference;

import java.util.Map;

/**
 * iRprop- (Igel and Huesken 2000; torch.optim.Rprop): the step sizes of {@link StepSizes};
 * after a sign change the gradient is taken as 0, so the weight does not move and the next
 * step does not adapt its step size:
 * <pre>
 *   if g(t) g(t-1) < 0:  g(t) <- 0
 *   w <- w - sign(g(t)) * step;   g(t-1) <- g(t)
 * </pre>
 */
final class IrpropMinusReference implements ReferenceRule {

    private final StepSizes steps;
    private final float[] gPrev;

    IrpropMinusReference(Hypers h, float[] w) {
        steps = new StepSizes(h, w.length);
        gPrev = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            float product = g[i] * gPrev[i];
            steps.adapt(i, product);
            float gi = product < 0 ? 0f : g[i];
            w[i] = w[i] - Math.signum(gi) * steps.step[i];
            gPrev[i] = gi;
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("step", steps.step, "g_prev", gPrev);
    }
}

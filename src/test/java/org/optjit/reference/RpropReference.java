package org.optjit.reference;

import java.util.Map;

/**
 * Rprop as in Hinton's lecture 6e (Riedmiller and Braun 1993 without weight backtracking):
 * the step sizes of {@link StepSizes}, then {@code w <- w - sign(g) * step}.
 */
final class RpropReference implements ReferenceRule {

    private final StepSizes steps;
    private final float[] gPrev;

    RpropReference(Hypers h, float[] w) {
        steps = new StepSizes(h, w.length);
        gPrev = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (int i = 0; i < w.length; i++) {
            steps.adapt(i, g[i] * gPrev[i]);
            w[i] = w[i] - Math.signum(g[i]) * steps.step[i];
            gPrev[i] = g[i];
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("step", steps.step, "g_prev", gPrev);
    }
}

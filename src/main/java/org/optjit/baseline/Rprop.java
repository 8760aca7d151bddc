package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * rprop (Riedmiller and Braun 1993; Hinton, lecture 6e), as a scalar loop: only the sign
 * of the gradient is used, with a step size per weight that grows while the sign holds
 * and shrinks when it flips:
 * <pre>
 *   if g * g_prev > 0: step = min(step * eta_plus, step_max)
 *   if g * g_prev < 0: step = max(step * eta_minus, step_min)
 *   w -= sign(g) * step
 *   g_prev = g
 * </pre>
 * State {@code step} starts at {@code lr}, {@code g_prev} at 0. The branches and
 * {@code Math.signum} are what a careful person writes; the JIT does not vectorise them.
 *
 * @param lr        the initial step
 * @param eta_plus  growth factor while the sign holds
 * @param eta_minus shrink factor on a sign change
 * @param step_min  smallest step
 * @param step_max  largest step
 */
public record Rprop(double lr, double eta_plus, double eta_minus, double step_min, double step_max)
        implements Baseline {

    /** The example's defaults (the lecture's). */
    public static final Rprop DEFAULTS = new Rprop(0.01, 1.2, 0.5, 1e-6, 50);

    @Override
    public String rule() {
        return "rprop";
    }


    @Override
    public List<String> stateNames() {
        return List.of("step", "g_prev");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], (float) lr);
        Arrays.fill(state[1], 0f);
    }

    /** {@code [eta_plus, step_max, eta_minus, step_min]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) eta_plus, (float) step_max, (float) eta_minus, (float) step_min};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float up = u[0];
        float max = u[1];
        float down = u[2];
        float min = u[3];
        float[] step = state[0];
        float[] gprev = state[1];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float agree = gi * gprev[i];
            float s = step[i];
            if (agree > 0) {
                s = Math.min(s * up, max);
            } else if (agree < 0) {
                s = Math.max(s * down, min);
            }
            step[i] = s;
            w[i] -= Math.signum(gi) * s;
            gprev[i] = gi;
        }
    }
}

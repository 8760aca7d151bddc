package org.optjit.baseline;

import java.util.Arrays;
import java.util.List;

/**
 * rmsprop (Tieleman and Hinton, lecture 6e), as a scalar loop:
 * <pre>
 *   ms = decay * ms + (1 - decay) * g^2
 *   w -= eps * g / (sqrt(ms) + delta)
 * </pre>
 * {@code delta} outside the root, as in the lecture ("add a small delta"). State
 * {@code ms} starts at 0.
 *
 * @param eps    the learning rate
 * @param decay the decay of the running mean square
 * @param delta keeps the division finite while {@code ms} is 0
 */
public record RmsProp(double eps, double decay, double delta) implements Baseline {

    /** The example's defaults. */
    public static final RmsProp DEFAULTS = new RmsProp(0.001, 0.9, 1e-8);

    @Override
    public String rule() {
        return "rmsprop";
    }


    @Override
    public List<String> stateNames() {
        return List.of("ms");
    }

    @Override
    public void initState(float[] w, float[][] state) {
        Arrays.fill(state[0], 0f);
    }

    /** {@code [decay, 1 - decay, eps, delta]}. */
    @Override
    public float[] uniforms(long t) {
        return new float[] {(float) decay, (float) (1 - decay), (float) eps, (float) delta};
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] u, int from, int to) {
        float decay = u[0];
        float keep = u[1];
        float eps = u[2];
        float delta = u[3];
        float[] ms = state[0];
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float m = decay * ms[i] + keep * (gi * gi);
            ms[i] = m;
            w[i] -= eps * gi / ((float) Math.sqrt(m) + delta);
        }
    }
}

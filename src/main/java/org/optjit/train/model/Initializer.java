package org.optjit.train.model;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws starting weights ({@link Initialization}); biases are set to 0.
 *
 * <p>The order of draws is fixed (layer by layer; FAN_IN in array order; SPARSE unit by
 * unit, first the chosen inputs, then their weights), so one seed gives one network.
 */
final class Initializer {

    private Initializer() {
    }

    static void fill(Layout layout, float[] params, Initialization init, RandomGenerator rng) {
        Arrays.fill(params, 0f);
        for (int l = 1; l <= layout.layers(); l++) {
            int in = layout.sizes[l - 1], out = layout.sizes[l], w = layout.weightOffset[l];
            switch (init) {
                case FAN_IN: {
                    // N(0, 1/fan-in): 6b's "scale by 1/sqrt(fan-in)"
                    double s = 1.0 / Math.sqrt(in);
                    for (int i = 0; i < in * out; i++) {
                        params[w + i] = (float) (s * rng.nextGaussian());
                    }
                    break;
                }
                case SPARSE:
                    sparse(params, w, in, out, rng);
                    break;
                default:
                    throw new AssertionError(init);
            }
        }
    }

    /** Each of the {@code out} units gets min(15, in) N(0, 1) weights on distinct random inputs. */
    private static void sparse(float[] params, int w, int in, int out, RandomGenerator rng) {
        int k = Math.min(Initialization.SPARSE_CONNECTIONS, in);
        int[] inputs = new int[in];
        for (int unit = 0; unit < out; unit++) {
            for (int i = 0; i < in; i++) {
                inputs[i] = i;
            }
            // the first k entries of a partial Fisher-Yates shuffle: k distinct inputs
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(in - i);
                int t = inputs[i];
                inputs[i] = inputs[j];
                inputs[j] = t;
            }
            for (int i = 0; i < k; i++) {
                // weights are out x in: (unit, input) is at w + unit * in + input
                params[w + unit * in + inputs[i]] = (float) rng.nextGaussian();
            }
        }
    }
}

package org.optjit.train.model;

/**
 * Unit types of the hidden layers (lecture 6; Hinton and Salakhutdinov 2006).
 *
 * <p>Each derivative is written in terms of the unit's output {@code a = f(z)}, so the
 * backward pass needs only the stored outputs, not the inputs {@code z}:
 * logistic {@code a(1 - a)}, tanh {@code 1 - a^2}, ReLU {@code a > 0 ? 1 : 0} (0 at 0),
 * linear 1.
 */
public enum Activation {
    LOGISTIC, TANH, RELU, LINEAR;

    /** {@code x[from, to) = f(x[from, to))} in place. */
    void apply(float[] x, int from, int to) {
        switch (this) {
            case LOGISTIC:
                for (int i = from; i < to; i++) {
                    x[i] = logistic(x[i]);
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    x[i] = (float) Math.tanh(x[i]);
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    x[i] = Math.max(x[i], 0f);
                }
                break;
            case LINEAR:
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /** {@code delta[i] *= f'(z_i)} for {@code i} in {@code [from, to)}, given the outputs {@code a}. */
    void backward(float[] a, float[] delta, int from, int to) {
        switch (this) {
            case LOGISTIC:
                for (int i = from; i < to; i++) {
                    delta[i] *= a[i] * (1f - a[i]);
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    delta[i] *= 1f - a[i] * a[i];
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    delta[i] = a[i] > 0f ? delta[i] : 0f;
                }
                break;
            case LINEAR:
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /** The logistic function, {@code 1 / (1 + e^-z)}, computed in double. */
    static float logistic(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }

    /** Lower-case name for descriptions and the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.optjit.train.model;

/**
 * Output layers and their error functions; losses are per example, averaged over the rows.
 *
 * <ul>
 *   <li>{@code SOFTMAX_CROSS_ENTROPY} (classifiers): softmax outputs,
 *       {@code -log p(label)}; the output delta is {@code p - onehot}.</li>
 *   <li>{@code SQUARED_ERROR} (autoencoders): linear outputs, {@code sum_i (y_i - t_i)^2}
 *       (the reconstruction error reported by Hinton and Salakhutdinov 2006 and
 *       Sutskever et al. 2013); the delta is {@code 2 (y - t)}.</li>
 *   <li>{@code LOGISTIC_CROSS_ENTROPY} (autoencoders with targets in [0, 1]): logistic
 *       outputs, {@code -sum_i [t_i log y_i + (1 - t_i) log(1 - y_i)]}, computed from the
 *       logits as {@code softplus(z) - t z} so it stays finite; the delta is {@code y - t}.</li>
 * </ul>
 */
public enum Loss {
    SOFTMAX_CROSS_ENTROPY, SQUARED_ERROR, LOGISTIC_CROSS_ENTROPY;

    /** Words for {@link Network#describe()}. */
    public String label() {
        switch (this) {
            case SOFTMAX_CROSS_ENTROPY:
                return "softmax cross-entropy";
            case SQUARED_ERROR:
                return "linear output, squared error";
            case LOGISTIC_CROSS_ENTROPY:
                return "logistic output, cross-entropy";
            default:
                throw new AssertionError(this);
        }
    }
}

package org.optjit.train.model;

import org.optjit.train.data.Dataset;

/**
 * The loss at the top of a {@link LayerModel}: reads the model's outputs (logits) for a
 * chunk of rows, adds the loss and the error of each row, and writes the gradient.
 * Implementations: {@link ClassifierHead} (one label per row), {@link NextTokenHead}
 * (a language model's next character at every position).
 */
public interface Head {

    /** Logits per example. */
    int logits();

    /** Throws {@link IllegalArgumentException} when {@code data} does not fit this head. */
    void check(Dataset data);

    /**
     * For the {@code m} rows at {@code rows[pos ..]} (or {@code pos ..} if {@code rows} is
     * null) with logits {@code z}: returns the sum of the rows' losses and the sum of their
     * errors (each a fraction in [0, 1]); if {@code scale != 0} writes
     * {@code delta = scale * dLoss/dz}.
     */
    Evaluation apply(float[] z, float[] delta, Dataset data, int[] rows, int pos, int m, float scale);

    /** E.g. "softmax cross-entropy". */
    String describe();

    /**
     * Softmax cross-entropy of logits {@code z[o .. o+k)} against class {@code y}; with
     * {@code scale != 0} writes {@code scale * (softmax - onehot)} to {@code delta[o ..]}.
     * Returns the loss; {@link #argmax} gives the prediction.
     */
    static double softmaxCrossEntropy(float[] z, float[] delta, int o, int k, int y, float scale) {
        int best = argmax(z, o, k);
        double max = z[o + best], sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(z[o + c] - max);
        }
        if (scale != 0) {
            for (int c = 0; c < k; c++) {
                double p = Math.exp(z[o + c] - max) / sum;
                delta[o + c] = (float) ((p - (c == y ? 1 : 0)) * scale);
            }
        }
        return Math.log(sum) - (z[o + y] - max);
    }

    /** The index of the largest of {@code z[o .. o+k)} (the first on ties). */
    static int argmax(float[] z, int o, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (z[o + c] > z[o + best]) {
                best = c;
            }
        }
        return best;
    }
}

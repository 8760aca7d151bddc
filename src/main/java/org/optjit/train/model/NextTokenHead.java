package org.optjit.train.model;

import org.optjit.train.data.Dataset;

/**
 * A language model's loss: an example row holds {@code context + 1} token ids; the logits at
 * position {@code t} predict token {@code t + 1}. A row's loss is the mean cross-entropy over
 * its positions (in nats; divide by ln 2 for bits per character) and its error the fraction
 * of positions whose most likely token is wrong.
 */
public final class NextTokenHead implements Head {

    private final int vocabulary, context;

    public NextTokenHead(int vocabulary, int context) {
        this.vocabulary = vocabulary;
        this.context = context;
    }

    @Override
    public int logits() {
        return vocabulary * context;
    }

    @Override
    public void check(Dataset data) {
        if (data.inputSize() != context + 1) {
            throw new IllegalArgumentException(data.name() + " has rows of " + data.inputSize()
                    + " tokens, a language model with context " + context + " needs " + (context + 1));
        }
    }

    @Override
    public Evaluation apply(float[] z, float[] delta, Dataset data, int[] rows, int pos, int m, float scale) {
        float[] x = data.inputs();
        int w = data.inputSize();
        float perPosition = scale / context;
        double loss = 0, error = 0;
        for (int i = 0; i < m; i++) {
            int row = (rows == null ? pos + i : rows[pos + i]) * w;
            double rowLoss = 0, wrong = 0;
            for (int t = 0; t < context; t++) {
                int o = (i * context + t) * vocabulary, y = (int) x[row + t + 1];
                rowLoss += Head.softmaxCrossEntropy(z, delta, o, vocabulary, y, perPosition);
                wrong += Head.argmax(z, o, vocabulary) == y ? 0 : 1;
            }
            loss += rowLoss / context;
            error += wrong / context;
        }
        return new Evaluation(loss, error);
    }

    @Override
    public String describe() {
        return "next-token cross-entropy";
    }
}

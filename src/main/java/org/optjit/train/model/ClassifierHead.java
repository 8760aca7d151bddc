package org.optjit.train.model;

import org.optjit.train.data.Dataset;

/** Softmax cross-entropy against each row's class label; the error is the misclassified fraction. */
public final class ClassifierHead implements Head {

    private final int classes;

    public ClassifierHead(int classes) {
        this.classes = classes;
    }

    @Override
    public int logits() {
        return classes;
    }

    @Override
    public void check(Dataset data) {
        if (!data.isClassification() || data.classes() > classes) {
            throw new IllegalArgumentException(data.name() + " has " + data.classes() + " classes, the model has "
                    + classes + " outputs");
        }
    }

    @Override
    public Evaluation apply(float[] z, float[] delta, Dataset data, int[] rows, int pos, int m, float scale) {
        int[] labels = data.labels();
        double loss = 0, error = 0;
        for (int i = 0; i < m; i++) {
            int y = labels[rows == null ? pos + i : rows[pos + i]];
            loss += Head.softmaxCrossEntropy(z, delta, i * classes, classes, y, scale);
            error += Head.argmax(z, i * classes, classes) == y ? 0 : 1;
        }
        return new Evaluation(loss, error);
    }

    @Override
    public String describe() {
        return "softmax cross-entropy";
    }
}

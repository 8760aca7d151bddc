package org.optjit.train.model.layers;

import java.util.List;

/**
 * Token and learned position embeddings (as in GPT, Radford et al. 2018): the first
 * {@code context} values of each example row are token ids in {@code [0, vocabulary)}
 * (stored as floats, exact below 2^24), and position {@code t} becomes
 * {@code tokens[id] + positions[t]}, a {@code width}-vector. Both tables start as
 * N(0, 0.02^2), GPT-2's initialisation. The input row may be longer than the context
 * (a language model's row also holds the next token); the rest is not read.
 */
public final class Embedding extends Layer<Void> {

    static final double STD = 0.02;

    private final int vocabulary, width, context, rowWidth;

    public Embedding(int vocabulary, int width, int context, int rowWidth) {
        super(rowWidth, width * context);
        if (rowWidth < context) {
            throw new IllegalArgumentException("an example row of " + rowWidth + " tokens is shorter than the context "
                    + context);
        }
        this.vocabulary = vocabulary;
        this.width = width;
        this.context = context;
        this.rowWidth = rowWidth;
    }

    @Override
    public List<TensorSpec> tensors() {
        return List.of(new TensorSpec("tokens", vocabulary, width, 0f, STD, false),
                new TensorSpec("positions", context, width, 0f, STD, false));
    }

    @Override
    public Void newScratch(int rows) {
        return null;
    }

    private int token(float[] x, int e, int t) {
        float v = x[e * rowWidth + t];
        int id = (int) v;
        if (id != v || id < 0 || id >= vocabulary) {
            throw new IllegalArgumentException("token " + v + " is not an id in [0, " + vocabulary + ")");
        }
        return id;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Void s) {
        int tok = base(), pos = tok + vocabulary * width;
        for (int e = 0; e < m; e++) {
            for (int t = 0; t < context; t++) {
                int o = (e * context + t) * width, a = tok + token(x, e, t) * width, p = pos + t * width;
                for (int i = 0; i < width; i++) {
                    y[o + i] = params[a + i] + params[p + i];
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Void s) {
        int tok = base(), pos = tok + vocabulary * width;
        for (int e = 0; e < m; e++) {
            for (int t = 0; t < context; t++) {
                int o = (e * context + t) * width, a = tok + token(x, e, t) * width, p = pos + t * width;
                for (int i = 0; i < width; i++) {
                    grad[a + i] += dy[o + i];
                    grad[p + i] += dy[o + i];
                }
            }
        }
        // token ids have no gradient: dx stays as the caller left it (the model never asks)
    }

    @Override
    public String describe() {
        return "embedding " + vocabulary + "x" + width + " + positions " + context;
    }
}

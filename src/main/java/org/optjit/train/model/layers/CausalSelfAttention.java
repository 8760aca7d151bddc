package org.optjit.train.model.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * Causal multi-head self-attention (Vaswani et al. 2017, masked as in GPT) over an example's
 * {@code context} vectors of {@code width}: one projection {@code [Q K V] = Wqkv x + bqkv},
 * per head {@code h} (of {@code heads}, each {@code width / heads} wide)
 * {@code O_h = softmax(Q_h K_h^T / sqrt(width/heads) + mask) V_h} where the mask hides later
 * positions, then {@code y = Wo [O_1 ... O_H] + bo}. {@code Wqkv} is {@code 3 width x width}
 * and {@code Wo} {@code width x width}: {@code out x in}, as in every {@link Dense} layer.
 *
 * <p>The projections are {@link Dense} layers (sgemm over all positions of the chunk); the
 * attention itself is O(context^2 * width) per example, loops here: for the short contexts
 * of the workloads it is small beside the projections' O(context * width^2).
 */
public final class CausalSelfAttention extends Layer<CausalSelfAttention.Scratch> {

    /** The projections' outputs and gradients and the attention weights, for up to {@code rows} examples. */
    public static final class Scratch {
        final float[] qkv, dqkv, o, dO, probs;
        final double[] dp;

        Scratch(int rows, int context, int width, int heads) {
            qkv = new float[rows * context * 3 * width];
            dqkv = new float[qkv.length];
            o = new float[rows * context * width];
            dO = new float[o.length];
            probs = new float[rows * heads * context * context];
            dp = new double[context];
        }
    }

    private final int width, heads, context, headWidth;
    private final Dense qkv, out;

    public CausalSelfAttention(int width, int heads, int context) {
        super(width * context, width * context);
        if (heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("the width " + width + " must be a multiple of the heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        this.context = context;
        this.headWidth = width / heads;
        this.qkv = new Dense(width, 3 * width, context, true);
        this.out = new Dense(width, width, context, true);
    }

    @Override
    public List<TensorSpec> tensors() {
        List<TensorSpec> t = new ArrayList<>();
        qkv.tensors().forEach(s -> t.add(s.named("qkv." + s.name())));
        out.tensors().forEach(s -> t.add(s.named("out." + s.name())));
        return t;
    }

    @Override
    public void place(int base) {
        super.place(base);
        qkv.place(base);
        out.place(base + qkv.parameterCount());
    }

    @Override
    public Scratch newScratch(int rows) {
        return new Scratch(rows, context, width, heads);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Scratch s) {
        qkv.forward(params, x, s.qkv, m, null);
        double scale = 1 / Math.sqrt(headWidth);
        int stride = 3 * width;
        for (int e = 0; e < m; e++) {
            int base = e * context * stride;
            for (int h = 0; h < heads; h++) {
                int q0 = base + h * headWidth, k0 = q0 + width, v0 = q0 + 2 * width;
                for (int t = 0; t < context; t++) {
                    int p = ((e * heads + h) * context + t) * context;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int u = 0; u <= t; u++) {
                        double score = 0;
                        for (int i = 0; i < headWidth; i++) {
                            score += s.qkv[q0 + t * stride + i] * s.qkv[k0 + u * stride + i];
                        }
                        score *= scale;
                        s.probs[p + u] = (float) score;
                        max = Math.max(max, score);
                    }
                    double sum = 0;
                    for (int u = 0; u <= t; u++) {
                        double w = Math.exp(s.probs[p + u] - max);
                        s.probs[p + u] = (float) w;
                        sum += w;
                    }
                    int o = (e * context + t) * width + h * headWidth;
                    java.util.Arrays.fill(s.o, o, o + headWidth, 0f);
                    for (int u = 0; u <= t; u++) {
                        float w = (float) (s.probs[p + u] / sum);
                        s.probs[p + u] = w;
                        for (int i = 0; i < headWidth; i++) {
                            s.o[o + i] += w * s.qkv[v0 + u * stride + i];
                        }
                    }
                    java.util.Arrays.fill(s.probs, p + t + 1, p + context, 0f);
                }
            }
        }
        out.forward(params, s.o, y, m, null);
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Scratch s) {
        out.backward(params, grad, s.o, y, dy, s.dO, m, null);
        java.util.Arrays.fill(s.dqkv, 0, m * context * 3 * width, 0f);
        double scale = 1 / Math.sqrt(headWidth);
        int stride = 3 * width;
        for (int e = 0; e < m; e++) {
            int base = e * context * stride;
            for (int h = 0; h < heads; h++) {
                int q0 = base + h * headWidth, k0 = q0 + width, v0 = q0 + 2 * width;
                for (int t = 0; t < context; t++) {
                    int p = ((e * heads + h) * context + t) * context;
                    int o = (e * context + t) * width + h * headWidth;
                    // dP_tu = dO_t . V_u; dV_u += P_tu dO_t; dS_tu = P_tu (dP_tu - sum_u' P_tu' dP_tu')
                    double dot = 0;
                    double[] dp = s.dp;
                    for (int u = 0; u <= t; u++) {
                        double d = 0;
                        for (int i = 0; i < headWidth; i++) {
                            d += s.dO[o + i] * s.qkv[v0 + u * stride + i];
                            s.dqkv[v0 + u * stride + i] += s.probs[p + u] * s.dO[o + i];
                        }
                        dp[u] = d;
                        dot += s.probs[p + u] * d;
                    }
                    for (int u = 0; u <= t; u++) {
                        float ds = (float) (s.probs[p + u] * (dp[u] - dot) * scale);
                        for (int i = 0; i < headWidth; i++) {
                            s.dqkv[q0 + t * stride + i] += ds * s.qkv[k0 + u * stride + i];
                            s.dqkv[k0 + u * stride + i] += ds * s.qkv[q0 + t * stride + i];
                        }
                    }
                }
            }
        }
        qkv.backward(params, grad, x, s.qkv, s.dqkv, dx, m, null);
    }

    @Override
    public String describe() {
        return "causal attention " + heads + " heads";
    }
}

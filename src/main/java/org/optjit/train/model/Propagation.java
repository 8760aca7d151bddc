package org.optjit.train.model;

import org.optjit.blas.BlasLibrary;
import org.optjit.train.data.Dataset;

/**
 * Forward and backward passes over one chunk of rows held in a {@link Workspace}.
 *
 * <p>Every matrix product is a single BLAS {@code sgemm} in float32. A chunk of {@code m}
 * rows {@code X} (row-major {@code m x in}) is, in BLAS's column-major view, {@code X^T};
 * the weights {@code W} (row-major {@code out x in}, see {@link Layout}) are {@code W^T}.
 * Forward {@code Z^T = W X^T + b} (W transposed back), backward {@code dW^T += X^T dZ}
 * (the gradient has the weights' layout) and {@code dX^T = W^T dZ^T}. Bias gradients are
 * column sums of the deltas, added row by row in order.
 */
final class Propagation {

    private Propagation() {
    }

    /** Copies the inputs of rows {@code rows[pos .. pos+m)} (or {@code pos ..} if null) into act[0]. */
    static void gather(Dataset data, int[] rows, int pos, int m, Workspace ws) {
        LanePass.gather(data, rows, pos, m, ws.act[0]);
    }

    /** Computes every layer's outputs for the {@code m} gathered rows; the last layer keeps its logits. */
    static void forward(Layout layout, float[] params, Workspace ws, int m) {
        int layers = layout.layers();
        for (int l = 1; l <= layers; l++) {
            int in = layout.sizes[l - 1], out = layout.sizes[l];
            float[] z = ws.act[l];
            int b = layout.biasOffset[l];
            for (int r = 0; r < m; r++) {
                System.arraycopy(params, b, z, r * out, out);
            }
            // Z^T (out x m) = W (out x in) * X^T (in x m) + b
            BlasLibrary.current().sgemm("T", "N", out, m, in, 1f, params, layout.weightOffset[l], in,
                    ws.act[l - 1], 0, in, 1f, z, 0, out);
            if (l < layers) {
                layout.act[l].apply(z, 0, m * out);
            }
        }
    }

    /**
     * Adds the chunk's loss sum and error sum to the workspace; if {@code scale != 0}, also
     * writes the output deltas {@code scale * dLoss/dz} (scale is 1/batch size, so that the
     * summed gradient is the gradient of the mean loss).
     */
    static void output(Layout layout, Dataset data, int[] rows, int pos, int m, Workspace ws, float scale) {
        int k = layout.outputs();
        float[] z = ws.act[layout.layers()];
        float[] delta = ws.delta[layout.layers()];
        float[] target = ws.act[0]; // autoencoders reconstruct their inputs
        double loss = 0, error = 0;
        switch (layout.loss) {
            case SOFTMAX_CROSS_ENTROPY: {
                int[] labels = data.labels();
                for (int i = 0; i < m; i++) {
                    int o = i * k;
                    int y = labels[rows == null ? pos + i : rows[pos + i]];
                    int best = 0;
                    for (int c = 1; c < k; c++) {
                        if (z[o + c] > z[o + best]) {
                            best = c;
                        }
                    }
                    double max = z[o + best], sum = 0;
                    for (int c = 0; c < k; c++) {
                        sum += Math.exp(z[o + c] - max);
                    }
                    loss += Math.log(sum) - (z[o + y] - max);
                    error += best == y ? 0 : 1;
                    if (scale != 0) {
                        for (int c = 0; c < k; c++) {
                            double p = Math.exp(z[o + c] - max) / sum;
                            delta[o + c] = (float) ((p - (c == y ? 1 : 0)) * scale);
                        }
                    }
                }
                break;
            }
            case SQUARED_ERROR:
                for (int i = 0; i < m * k; i++) {
                    float diff = z[i] - target[i];
                    loss += (double) diff * diff;
                    if (scale != 0) {
                        delta[i] = 2f * diff * scale;
                    }
                }
                error = loss;
                break;
            case LOGISTIC_CROSS_ENTROPY:
                for (int i = 0; i < m * k; i++) {
                    // softplus(z) - t z with e = exp(-|z|): stays finite for any z
                    double zi = z[i], t = target[i];
                    double e = Math.exp(-Math.abs(zi));
                    double y = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                    loss += Math.max(zi, 0) + Math.log(1 + e) - t * zi;
                    error += (y - t) * (y - t);
                    if (scale != 0) {
                        delta[i] = (float) ((y - t) * scale);
                    }
                }
                break;
            default:
                throw new AssertionError(layout.loss);
        }
        ws.lossSum += loss;
        ws.errorSum += error;
    }

    /**
     * Backpropagates the output deltas of the chunk into {@code g}: overwrites it on the
     * lane's first chunk ({@code first}), adds to it afterwards.
     */
    static void backward(Layout layout, float[] params, float[] g, Workspace ws, int m, boolean first) {
        for (int l = layout.layers(); l >= 1; l--) {
            int in = layout.sizes[l - 1], out = layout.sizes[l];
            float[] delta = ws.delta[l];
            // dW^T (in x out) (+)= X^T (in x m) * dZ (m x out); beta 0 never reads g
            BlasLibrary.current().sgemm("N", "T", in, out, m, 1f, ws.act[l - 1], 0, in, delta, 0, out,
                    first ? 0f : 1f, g, layout.weightOffset[l], in);
            int b = layout.biasOffset[l];
            if (first) {
                System.arraycopy(delta, 0, g, b, out);
            } else {
                for (int c = 0; c < out; c++) {
                    g[b + c] += delta[c];
                }
            }
            for (int r = 1; r < m; r++) {
                for (int c = 0, o = r * out; c < out; c++) {
                    g[b + c] += delta[o + c];
                }
            }
            if (l > 1) {
                // dX^T (in x m) = W^T (in x out) * dZ^T (out x m), then through the activation
                BlasLibrary.current().sgemm("N", "N", in, m, out, 1f, params, layout.weightOffset[l], in,
                        delta, 0, out, 0f, ws.delta[l - 1], 0, in);
                layout.act[l - 1].backward(ws.act[l - 1], ws.delta[l - 1], 0, m * in);
            }
        }
    }
}

package org.optjit.train.model.layers;

import java.util.List;

/**
 * Layer normalisation (Ba et al. 2016) of each {@code width}-vector of an example:
 * {@code y = g * (x - mean) / sqrt(var + 1e-5) + b}, with a gain {@code g} (starting at 1)
 * and a bias {@code b} (starting at 0). Statistics are summed in double. Backward, with
 * {@code xhat} the normalised input and {@code d = dy * g}:
 * {@code dx = (d - mean(d) - xhat * mean(d * xhat)) / sqrt(var + eps)}.
 */
public final class LayerNorm extends Layer<LayerNorm.Scratch> {

    static final double EPS = 1e-5;

    /** The normalised inputs and each vector's 1/sqrt(var + eps). */
    public static final class Scratch {
        final float[] xhat;
        final double[] invStd;

        Scratch(int vectors, int width) {
            xhat = new float[vectors * width];
            invStd = new double[vectors];
        }
    }

    private final int width, positions;

    public LayerNorm(int width, int positions) {
        super(width * positions, width * positions);
        this.width = width;
        this.positions = positions;
    }

    @Override
    public List<TensorSpec> tensors() {
        return List.of(TensorSpec.gain("gain", width), TensorSpec.bias("bias", width));
    }

    @Override
    public Scratch newScratch(int rows) {
        return new Scratch(rows * positions, width);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Scratch s) {
        int g = base(), b = g + width;
        for (int v = 0; v < m * positions; v++) {
            int o = v * width;
            double mean = 0;
            for (int i = 0; i < width; i++) {
                mean += x[o + i];
            }
            mean /= width;
            double var = 0;
            for (int i = 0; i < width; i++) {
                double d = x[o + i] - mean;
                var += d * d;
            }
            double inv = 1 / Math.sqrt(var / width + EPS);
            s.invStd[v] = inv;
            for (int i = 0; i < width; i++) {
                float xh = (float) ((x[o + i] - mean) * inv);
                s.xhat[o + i] = xh;
                y[o + i] = params[g + i] * xh + params[b + i];
            }
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Scratch s) {
        int g = base(), b = g + width;
        for (int v = 0; v < m * positions; v++) {
            int o = v * width;
            double meanD = 0, meanDX = 0;
            for (int i = 0; i < width; i++) {
                grad[g + i] += dy[o + i] * s.xhat[o + i];
                grad[b + i] += dy[o + i];
                double d = (double) dy[o + i] * params[g + i];
                meanD += d;
                meanDX += d * s.xhat[o + i];
            }
            if (dx == null) {
                continue;
            }
            meanD /= width;
            meanDX /= width;
            for (int i = 0; i < width; i++) {
                double d = (double) dy[o + i] * params[g + i];
                dx[o + i] = (float) ((d - meanD - s.xhat[o + i] * meanDX) * s.invStd[v]);
            }
        }
    }

    @Override
    public String describe() {
        return "layer-norm " + width;
    }
}

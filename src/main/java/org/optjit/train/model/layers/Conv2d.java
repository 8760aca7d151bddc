package org.optjit.train.model.layers;

import java.util.List;
import org.optjit.blas.BlasLibrary;

/**
 * A 2-D convolution with {@code filters} square kernels of side {@code k}, stride and zero
 * padding, lowered onto one sgemm per chunk (im2col; Chellapilla et al. 2006).
 *
 * <p>The im2col matrix {@code C} has one row per output pixel of every example of the chunk
 * ({@code m * P} rows) and one column per kernel tap ({@code K = k * k * channels}, ordered
 * (ky, kx, channel)); with channels-last images ({@link Shape}) each row is {@code k * k}
 * contiguous copies. The weights are {@code filters x K}, row-major. Then
 * {@code Y = C W^T + b} is {@code m * P x filters} row-major: the channels-last output.
 * Backward: {@code dW += dY^T C}, {@code dC = dY W}, and dC is added back into the input
 * pixels it came from (col2im).
 */
public final class Conv2d extends Layer<Conv2d.Scratch> {

    /** The im2col matrix and its gradient, for up to {@code rows} examples. */
    public static final class Scratch {
        final float[] cols, dcols;

        Scratch(int size) {
            cols = new float[size];
            dcols = new float[size];
        }
    }

    private final Shape in, out;
    private final int k, stride, pad, taps;

    public Conv2d(Shape in, int filters, int k, int stride, int pad) {
        this(in, new Shape(Shape.out(in.height(), k, stride, pad), Shape.out(in.width(), k, stride, pad), filters),
                k, stride, pad);
    }

    private Conv2d(Shape in, Shape out, int k, int stride, int pad) {
        super(in.size(), out.size());
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.taps = k * k * in.channels();
    }

    public Shape outputShape() {
        return out;
    }

    @Override
    public List<TensorSpec> tensors() {
        return List.of(TensorSpec.weights("weights", out.channels(), taps, taps),
                TensorSpec.bias("biases", out.channels()));
    }

    @Override
    public Scratch newScratch(int rows) {
        return new Scratch(rows * out.height() * out.width() * taps);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Scratch s) {
        int pixels = m * out.height() * out.width(), f = out.channels(), w = base(), b = w + f * taps;
        im2col(x, s.cols, m);
        for (int r = 0; r < pixels; r++) {
            System.arraycopy(params, b, y, r * f, f);
        }
        // Y^T (f x pixels) = W (f x taps; column-major view of row-major W is W^T) * C^T
        BlasLibrary.current().sgemm("T", "N", f, pixels, taps, 1f, params, w, taps, s.cols, 0, taps, 1f, y, 0, f);
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Scratch s) {
        int pixels = m * out.height() * out.width(), f = out.channels(), w = base(), b = w + f * taps;
        // dW^T (taps x f) += C^T (taps x pixels) * dY (pixels x f)
        BlasLibrary.current().sgemm("N", "T", taps, f, pixels, 1f, s.cols, 0, taps, dy, 0, f, 1f, grad, w, taps);
        for (int r = 0; r < pixels; r++) {
            for (int c = 0, o = r * f; c < f; c++) {
                grad[b + c] += dy[o + c];
            }
        }
        if (dx != null) {
            // dC^T (taps x pixels) = W^T (taps x f) * dY^T (f x pixels)
            BlasLibrary.current().sgemm("N", "N", taps, pixels, f, 1f, params, w, taps, dy, 0, f, 0f, s.dcols, 0, taps);
            col2im(s.dcols, dx, m);
        }
    }

    /** Visits a patch entry: its start {@code col} in the im2col matrix and its pixel's start in the input, or -1 for padding. */
    private interface Tap {
        void visit(int col, int pixel);
    }

    /** Every patch entry of every output pixel of {@code m} examples, in im2col order. */
    private void patches(int m, Tap tap) {
        int c = in.channels(), row = 0;
        for (int e = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++, row += taps) {
                    int t = row;
                    for (int ky = 0; ky < k; ky++) {
                        int iy = oy * stride + ky - pad;
                        for (int kx = 0; kx < k; kx++, t += c) {
                            int ix = ox * stride + kx - pad;
                            boolean inside = iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
                            tap.visit(t, inside ? image + (iy * in.width() + ix) * c : -1);
                        }
                    }
                }
            }
        }
    }

    /** Row (e, oy, ox) of {@code cols}: the k x k x channels patch of example e under that output pixel. */
    private void im2col(float[] x, float[] cols, int m) {
        int c = in.channels();
        patches(m, (t, p) -> {
            if (p < 0) {
                java.util.Arrays.fill(cols, t, t + c, 0f);
            } else {
                System.arraycopy(x, p, cols, t, c);
            }
        });
    }

    /** The adjoint of {@link #im2col}: every patch entry's gradient added to its pixel. */
    private void col2im(float[] dcols, float[] dx, int m) {
        int c = in.channels();
        java.util.Arrays.fill(dx, 0, m * in.size(), 0f);
        patches(m, (t, p) -> {
            for (int ch = 0; p >= 0 && ch < c; ch++) {
                dx[p + ch] += dcols[t + ch];
            }
        });
    }

    @Override
    public String describe() {
        return "conv " + k + "x" + k + "x" + out.channels() + (stride != 1 ? " stride " + stride : "")
                + (pad != 0 ? " pad " + pad : "");
    }
}

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

    /**
     * Visits a run of patch entries: {@code length} values from {@code col} in the im2col
     * matrix, and from {@code pixel} in the input, or padding (zeros) when {@code pixel < 0}.
     */
    private interface Run {
        void visit(int col, int pixel, int length);
    }

    /**
     * Every patch entry of every output pixel of {@code m} examples, in im2col order, in runs:
     * with channels-last images a patch row (ky) is {@code k * channels} contiguous values in
     * both the input and the im2col row, so each row is one run (three where it overlaps the
     * padding). A call per run instead of per tap matters most for one-channel inputs
     * (LeNet's first layer: runs of 5 values instead of 25 single ones).
     */
    private void patches(int m, Run run) {
        int c = in.channels(), row = 0;
        for (int e = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++, row += taps) {
                    int x0 = ox * stride - pad;
                    // the taps kx in [lo, hi) fall inside the image horizontally
                    int lo = Math.max(0, -x0), hi = Math.min(k, in.width() - x0);
                    for (int ky = 0, t = row; ky < k; ky++, t += k * c) {
                        int iy = oy * stride + ky - pad;
                        if (iy < 0 || iy >= in.height() || lo >= hi) {
                            run.visit(t, -1, k * c);
                            continue;
                        }
                        if (lo > 0) {
                            run.visit(t, -1, lo * c);
                        }
                        run.visit(t + lo * c, image + (iy * in.width() + x0 + lo) * c, (hi - lo) * c);
                        if (hi < k) {
                            run.visit(t + hi * c, -1, (k - hi) * c);
                        }
                    }
                }
            }
        }
    }

    /** Row (e, oy, ox) of {@code cols}: the k x k x channels patch of example e under that output pixel. */
    private void im2col(float[] x, float[] cols, int m) {
        patches(m, (t, p, n) -> {
            if (p < 0) {
                java.util.Arrays.fill(cols, t, t + n, 0f);
            } else {
                System.arraycopy(x, p, cols, t, n);
            }
        });
    }

    /** The adjoint of {@link #im2col}: every patch entry's gradient added to its pixel. */
    private void col2im(float[] dcols, float[] dx, int m) {
        java.util.Arrays.fill(dx, 0, m * in.size(), 0f);
        patches(m, (t, p, n) -> {
            for (int i = 0; p >= 0 && i < n; i++) {
                dx[p + i] += dcols[t + i];
            }
        });
    }

    @Override
    public String describe() {
        return "conv " + k + "x" + k + "x" + out.channels() + (stride != 1 ? " stride " + stride : "")
                + (pad != 0 ? " pad " + pad : "");
    }
}

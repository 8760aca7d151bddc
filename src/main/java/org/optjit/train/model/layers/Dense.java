package org.optjit.train.model.layers;

import java.util.List;
import org.optjit.blas.BlasLibrary;

/**
 * An affine map {@code y = x W + b} applied to each of {@code positions} vectors of an
 * example (1 for an image's feature vector, the context length in a transformer). The
 * weights are stored {@code in x out}, row-major, as in {@link org.optjit.train.model.Network}:
 * in BLAS's column-major view that is {@code W^T}, so the forward product over all
 * {@code R = m * positions} rows is {@code Y^T = W^T X^T} with no transposition, and each
 * backward product needs one.
 */
public final class Dense extends Layer<Void> {

    private final int in, out, positions;
    private final boolean withBias;

    public Dense(int in, int out, int positions, boolean withBias) {
        super(in * positions, out * positions);
        this.in = in;
        this.out = out;
        this.positions = positions;
        this.withBias = withBias;
    }

    public Dense(int in, int out) {
        this(in, out, 1, true);
    }

    @Override
    public List<TensorSpec> tensors() {
        TensorSpec w = TensorSpec.weights("weights", in, out, in);
        return withBias ? List.of(w, TensorSpec.bias("biases", out)) : List.of(w);
    }

    @Override
    public Void newScratch(int rows) {
        return null;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Void s) {
        int rows = m * positions, w = base();
        if (withBias) {
            int b = w + in * out;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(params, b, y, r * out, out);
            }
        }
        BlasLibrary.current().sgemm("N", "N", out, rows, in, 1f, params, w, out, x, 0, in, withBias ? 1f : 0f, y, 0, out);
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Void s) {
        int rows = m * positions, w = base();
        // dW^T (out x in) += dY^T (out x rows) X (rows x in)
        BlasLibrary.current().sgemm("N", "T", out, in, rows, 1f, dy, 0, out, x, 0, in, 1f, grad, w, out);
        if (withBias) {
            int b = w + in * out;
            for (int r = 0; r < rows; r++) {
                for (int c = 0, o = r * out; c < out; c++) {
                    grad[b + c] += dy[o + c];
                }
            }
        }
        if (dx != null) {
            // dX^T (in x rows) = W (in x out) dY^T (out x rows)
            BlasLibrary.current().sgemm("T", "N", in, rows, out, 1f, params, w, out, dy, 0, out, 0f, dx, 0, in);
        }
    }

    @Override
    public String describe() {
        return "dense " + in + "-" + out + (positions > 1 ? " per position" : "");
    }
}

package org.optjit.train.model.layers;

import java.util.List;
import org.optjit.blas.BlasLibrary;

/**
 * An affine map {@code y = W x + b} applied to each of {@code positions} vectors of an
 * example (1 for an image's feature vector, the context length in a transformer). The
 * weights are stored {@code out x in}, row-major (one row per output unit, like PyTorch's
 * {@code nn.Linear.weight} and {@link org.optjit.train.model.Network}'s layers): in BLAS's
 * column-major view that is {@code W^T}, so over all {@code R = m * positions} rows the
 * forward product is {@code Y^T = W X^T} (A transposed), as in {@link Conv2d}.
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
        TensorSpec w = TensorSpec.weights("weights", out, in, in);
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
        // Y^T (out x rows) = W (out x in) X^T (in x rows)
        BlasLibrary.current().sgemm("T", "N", out, rows, in, 1f, params, w, in, x, 0, in, withBias ? 1f : 0f, y, 0, out);
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Void s) {
        int rows = m * positions, w = base();
        // dW^T (in x out) += X^T (in x rows) dY (rows x out)
        BlasLibrary.current().sgemm("N", "T", in, out, rows, 1f, x, 0, in, dy, 0, out, 1f, grad, w, in);
        if (withBias) {
            int b = w + in * out;
            for (int r = 0; r < rows; r++) {
                for (int c = 0, o = r * out; c < out; c++) {
                    grad[b + c] += dy[o + c];
                }
            }
        }
        if (dx != null) {
            // dX^T (in x rows) = W^T (in x out) dY^T (out x rows)
            BlasLibrary.current().sgemm("N", "N", in, rows, out, 1f, params, w, in, dy, 0, out, 0f, dx, 0, in);
        }
    }

    @Override
    public String describe() {
        return "dense " + in + "-" + out + (positions > 1 ? " per position" : "");
    }
}

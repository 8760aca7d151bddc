package org.optjit.train.model.layers;

import java.util.List;

/**
 * A residual connection (He et al. 2016) around a sequence of layers: {@code y = x + f(x)},
 * so {@code dx = dy + f'(x)^T dy}.
 */
public final class Residual extends Layer<Residual.Scratch> {

    /** f's scratch, f(x) and f's input gradient. */
    public static final class Scratch {
        final Sequential.Scratch inner;
        final float[] fx, dfx;

        Scratch(Sequential f, int rows) {
            inner = f.newScratch(rows);
            fx = new float[rows * f.outputSize()];
            dfx = new float[rows * f.inputSize()];
        }
    }

    private final Sequential f;

    public Residual(Sequential f) {
        super(f.inputSize(), f.outputSize());
        if (f.inputSize() != f.outputSize()) {
            throw new IllegalArgumentException("a residual branch must keep the size: " + f.inputSize() + " -> "
                    + f.outputSize());
        }
        this.f = f;
    }

    @Override
    public List<TensorSpec> tensors() {
        return f.tensors();
    }

    @Override
    public void place(int base) {
        super.place(base);
        f.place(base);
    }

    @Override
    public Scratch newScratch(int rows) {
        return new Scratch(f, rows);
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Scratch s) {
        f.forward(params, x, s.fx, m, s.inner);
        for (int i = 0, n = m * outputSize(); i < n; i++) {
            y[i] = x[i] + s.fx[i];
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Scratch s) {
        f.backward(params, grad, x, s.fx, dy, s.dfx, m, s.inner);
        if (dx != null) {
            for (int i = 0, n = m * inputSize(); i < n; i++) {
                dx[i] = dy[i] + s.dfx[i];
            }
        }
    }

    @Override
    public String describe() {
        return "residual(" + f.describe() + ")";
    }
}

package org.optjit.train.model.layers;

import java.util.List;

/**
 * One layer of a {@link org.optjit.train.model.LayerModel}: a differentiable map from
 * {@link #inputSize()} floats per example to {@link #outputSize()} floats per example,
 * over a chunk of {@code m} examples stored one after another.
 *
 * <p>Its parameters are the {@link #tensors()} it declares, placed contiguously in the
 * model's flat array from {@link #base()} on ({@link #place}). Everything a pass needs
 * besides inputs and outputs (im2col matrices, pooling indices, normalised values,
 * attention weights) lives in a scratch object of type {@code S}, one per lane, so layers
 * hold no per-call state and lanes can run them at once.
 *
 * @param <S> the layer's scratch type ({@link Void} for none)
 */
public abstract class Layer<S> {

    private final int inputSize;
    private final int outputSize;
    private int base = -1;

    protected Layer(int inputSize, int outputSize) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": sizes must be positive: "
                    + inputSize + " -> " + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
    }

    /** Floats per example in. */
    public final int inputSize() {
        return inputSize;
    }

    /** Floats per example out. */
    public final int outputSize() {
        return outputSize;
    }

    /** The tensors this layer owns, in array order (names relative to the layer); none by default. */
    public List<TensorSpec> tensors() {
        return List.of();
    }

    public final int parameterCount() {
        int n = 0;
        for (TensorSpec t : tensors()) {
            n += t.size();
        }
        return n;
    }

    /** Puts the layer's tensors at {@code base} of the flat array; composites place their parts. */
    public void place(int base) {
        this.base = base;
    }

    /** Where the layer's first tensor starts. */
    protected final int base() {
        if (base < 0) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been placed");
        }
        return base;
    }

    /** The offset of this layer's tensor number {@code index}. */
    protected final int offset(int index) {
        int o = base();
        List<TensorSpec> t = tensors();
        for (int i = 0; i < index; i++) {
            o += t.get(i).size();
        }
        return o;
    }

    /** A fresh scratch for chunks of up to {@code rows} examples. */
    public abstract S newScratch(int rows);

    /** {@code y = f(x)} for {@code m} examples. */
    public abstract void forward(float[] params, float[] x, float[] y, int m, S scratch);

    /**
     * Given {@code dy = dLoss/dy}, adds {@code dLoss/dparams} into {@code grad} and writes
     * {@code dx = dLoss/dx} (every element; skipped when {@code dx == null}). {@code x} and
     * {@code y} are the forward pass's, and the scratch holds what the forward pass left.
     */
    public abstract void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m,
                                  S scratch);

    /** E.g. {@code "conv 5x5x20"}, for model descriptions. */
    public abstract String describe();
}

package org.optjit.train.model;

/**
 * Where each layer's parameters live in the flat array, and what each layer computes.
 *
 * <p>Layer {@code l} (1..L) maps {@code sizes[l-1]} inputs to {@code sizes[l]} outputs. Its
 * weights are stored row-major as {@code sizes[l] x sizes[l-1]} ({@code out x in}, one row
 * per output unit, like PyTorch's {@code nn.Linear.weight}), followed by its
 * {@code sizes[l]} biases. Rules over tensors read the shape: Muon's
 * {@code sqrt(max(1, rows/cols))}, LAMB's and LARS's per-tensor trust ratio, Adafactor's
 * row and column factors and AGC's unit-wise norms (per row) are all written for
 * {@code out x in}. Row-major {@code out x in} is, in BLAS's column-major view, the
 * {@code in x out} matrix {@code W^T}; {@link Propagation} passes the flags that follow.
 */
final class Layout {

    final int[] sizes;
    /** {@code act[l]}: the activation of layer l (unused for the output layer, see loss). */
    final Activation[] act;
    final Loss loss;
    final int[] weightOffset;
    final int[] biasOffset;
    final int parameters;

    Layout(int[] sizes, Activation[] act, Loss loss) {
        this.sizes = sizes.clone();
        this.act = act.clone();
        this.loss = loss;
        int layers = sizes.length - 1;
        weightOffset = new int[layers + 1];
        biasOffset = new int[layers + 1];
        long p = 0;
        for (int l = 1; l <= layers; l++) {
            weightOffset[l] = (int) p;
            p += (long) sizes[l] * sizes[l - 1];
            biasOffset[l] = (int) p;
            p += sizes[l];
            if (p > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("too many parameters: " + p);
            }
        }
        parameters = (int) p;
    }

    int layers() {
        return sizes.length - 1;
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    /** The widest layer, for buffer sizing. */
    int widest() {
        int w = 0;
        for (int s : sizes) {
            w = Math.max(w, s);
        }
        return w;
    }
}

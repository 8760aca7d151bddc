package org.optjit.train.model;

/**
 * Where each layer's parameters live in the flat array, and what each layer computes.
 *
 * <p>Layer {@code l} (1..L) maps {@code sizes[l-1]} inputs to {@code sizes[l]} outputs. Its
 * weights are stored row-major as {@code sizes[l-1] x sizes[l]} (input-major), followed by
 * its {@code sizes[l]} biases. Row-major {@code in x out} is, in BLAS's column-major view,
 * the {@code out x in} matrix {@code W^T}, so the forward product of a row-major batch
 * {@code X} is {@code Z^T = W^T X^T} with no transposition flags, and both backward
 * products need only one each.
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
            p += (long) sizes[l - 1] * sizes[l];
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

package org.optjit.train.model;

/**
 * The size of a {@link Models#transformer}: {@code layers} blocks of {@code width} with
 * {@code heads} attention heads over {@code context} positions, and an MLP of
 * {@code mlpWidth} hidden units per block (4 x width in GPT).
 */
public record TransformerShape(int layers, int width, int heads, int context, int mlpWidth) {

    public TransformerShape {
        if (layers < 1 || width < 1 || heads < 1 || context < 1 || mlpWidth < 1) {
            throw new IllegalArgumentException("a transformer's layers, width, heads, context and MLP width must be"
                    + " positive");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("the width " + width + " must be a multiple of the heads " + heads);
        }
    }

    @Override
    public String toString() {
        return layers + (layers == 1 ? " layer" : " layers") + ", width " + width + ", " + heads + " heads, context "
                + context + ", MLP " + mlpWidth;
    }
}

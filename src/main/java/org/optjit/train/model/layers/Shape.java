package org.optjit.train.model.layers;

/**
 * The shape of an image example, stored channels-last: pixel {@code (y, x)}'s {@code c}
 * channels are at {@code (y * width + x) * channels}. Channels-last makes each patch row of
 * a convolution's im2col matrix a run of contiguous copies, and its product lands in the
 * same layout, so no permutation is needed between layers.
 */
public record Shape(int height, int width, int channels) {

    public Shape {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image shape must be positive: " + height + "x" + width + "x" + channels);
        }
    }

    public int size() {
        return height * width * channels;
    }

    /** The output side of a window of {@code k} moved by {@code stride} over {@code side + 2 pad} pixels. */
    static int out(int side, int k, int stride, int pad) {
        int n = side + 2 * pad - k;
        if (n < 0 || stride < 1) {
            throw new IllegalArgumentException("a " + k + "x" + k + " window with stride " + stride + " and padding "
                    + pad + " does not fit " + side + " pixels");
        }
        return n / stride + 1;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}

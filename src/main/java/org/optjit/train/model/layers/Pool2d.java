package org.optjit.train.model.layers;

/**
 * Max or average pooling over {@code k x k} windows moved by {@code stride}, per channel,
 * on channels-last images ({@link Shape}). Max pooling remembers which input won each
 * window (the first in scan order on ties) and routes the gradient there.
 */
public final class Pool2d extends Layer<int[]> {

    public enum Kind { MAX, AVERAGE }

    private final Kind kind;
    private final Shape in, out;
    private final int k, stride;

    public Pool2d(Kind kind, Shape in, int k, int stride) {
        this(kind, in, new Shape(Shape.out(in.height(), k, stride, 0), Shape.out(in.width(), k, stride, 0), in.channels()),
                k, stride);
    }

    private Pool2d(Kind kind, Shape in, Shape out, int k, int stride) {
        super(in.size(), out.size());
        this.kind = kind;
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
    }

    public Shape outputShape() {
        return out;
    }

    /** For max pooling the index of each output's winning input; none for average pooling. */
    @Override
    public int[] newScratch(int rows) {
        return kind == Kind.MAX ? new int[rows * out.size()] : null;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, int[] argmax) {
        if (kind == Kind.MAX) {
            maxForward(x, y, m, argmax);
            return;
        }
        int c = in.channels();
        float inv = 1f / (k * k);
        for (int e = 0, o = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        float sum = 0f;
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                sum += x[image + ((oy * stride + ky) * in.width() + ox * stride + kx) * c + ch];
                            }
                        }
                        y[o] = sum * inv;
                    }
                }
            }
        }
    }

    /**
     * Max pooling, window entry by window entry with the channels innermost (contiguous in
     * channels-last images): each output starts at its window's first entry and moves to a
     * later one only if that is greater, so ties go to the first in scan order.
     *
     * <p>"Greater" is the sign bit of {@code best - v}, and the select is done on the bits,
     * without a branch: which entry wins is data, and a branch on it mispredicted about every
     * other time (LeNet's first pooling took 5.6 ms per 64 images, 1.2 ms without the branch).
     * The sign bit is {@code v > best} for all finite values except a +0 after a -0, which
     * counts as greater (-0 - +0 is -0), and an infinity after the same infinity, whose
     * difference is a NaN with the sign the processor gives it; the output value is the same.
     */
    private void maxForward(float[] x, float[] y, int m, int[] argmax) {
        int c = in.channels(), row = in.width() * c;
        for (int e = 0, o = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++, o += c) {
                    int first = image + oy * stride * row + ox * stride * c;
                    for (int ch = 0; ch < c; ch++) {
                        y[o + ch] = x[first + ch];
                        argmax[o + ch] = first + ch;
                    }
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = ky == 0 ? 1 : 0; kx < k; kx++) {
                            int at = first + ky * row + kx * c;
                            for (int ch = 0; ch < c; ch++) {
                                float v = x[at + ch], best = y[o + ch];
                                int greater = -(Float.floatToRawIntBits(best - v) >>> 31);
                                int b = Float.floatToRawIntBits(best);
                                y[o + ch] = Float.intBitsToFloat(b ^ ((b ^ Float.floatToRawIntBits(v)) & greater));
                                argmax[o + ch] ^= (argmax[o + ch] ^ (at + ch)) & greater;
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, int[] argmax) {
        if (dx == null) {
            return;
        }
        java.util.Arrays.fill(dx, 0, m * in.size(), 0f);
        if (kind == Kind.MAX) {
            for (int o = 0; o < m * out.size(); o++) {
                dx[argmax[o]] += dy[o];
            }
            return;
        }
        int c = in.channels();
        float inv = 1f / (k * k);
        for (int e = 0, o = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        float g = dy[o] * inv;
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                dx[image + ((oy * stride + ky) * in.width() + ox * stride + kx) * c + ch] += g;
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public String describe() {
        return (kind == Kind.MAX ? "max-pool " : "avg-pool ") + k + (stride != k ? " stride " + stride : "");
    }
}

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
        int c = in.channels();
        float inv = 1f / (k * k);
        for (int e = 0, o = 0; e < m; e++) {
            int image = e * in.size();
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        float best = Float.NEGATIVE_INFINITY, sum = 0f;
                        int where = -1;
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int i = image + ((oy * stride + ky) * in.width() + ox * stride + kx) * c + ch;
                                if (x[i] > best || where < 0) {
                                    best = x[i];
                                    where = i;
                                }
                                sum += x[i];
                            }
                        }
                        if (kind == Kind.MAX) {
                            y[o] = best;
                            argmax[o] = where;
                        } else {
                            y[o] = sum * inv;
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

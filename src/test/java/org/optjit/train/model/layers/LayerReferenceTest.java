package org.optjit.train.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The forward passes against direct, hand-written double-precision definitions (finite
 * differences only prove that backward matches forward, not that forward is right): a
 * dense layer as {@code W x + b} with {@code W} out x in, a convolution as the sum over its window, pooling as the window's max and mean, layer
 * normalisation from its formula, causal attention head by head. Tolerance 1e-5 relative to
 * the sum of the magnitudes that enter each output.
 */
class LayerReferenceTest {

    private final SplittableRandom r = new SplittableRandom(5);

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Test
    void convolutionIsTheSumOverItsWindow() {
        Shape in = new Shape(7, 6, 3);
        int f = 4, k = 3, stride = 2, pad = 1, m = 2;
        Conv2d conv = new Conv2d(in, f, k, stride, pad);
        conv.place(0);
        float[] p = random(conv.parameterCount()), x = random(m * in.size()), y = new float[m * conv.outputSize()];
        conv.forward(p, x, y, m, conv.newScratch(m));
        Shape out = conv.outputShape();
        assertEquals(new Shape(4, 3, 4), out);
        int taps = k * k * in.channels(), bias = f * taps;
        for (int e = 0; e < m; e++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    for (int c = 0; c < f; c++) {
                        double sum = p[bias + c], mag = Math.abs(sum);
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
                                for (int ch = 0; ch < in.channels(); ch++) {
                                    double v = iy < 0 || iy >= in.height() || ix < 0 || ix >= in.width() ? 0
                                            : x[e * in.size() + (iy * in.width() + ix) * in.channels() + ch];
                                    double w = p[c * taps + (ky * k + kx) * in.channels() + ch];
                                    sum += w * v;
                                    mag += Math.abs(w * v);
                                }
                            }
                        }
                        int o = e * out.size() + (oy * out.width() + ox) * f + c;
                        assertEquals(sum, y[o], 1e-5 * mag, "output " + o);
                    }
                }
            }
        }
    }

    /** {@code y = W x + b} per position, with {@code W} read {@code out x in} from the flat array. */
    @Test
    void denseIsWTimesXPlusBPerPosition() {
        int in = 5, out = 3, positions = 2, m = 2;
        Dense dense = new Dense(in, out, positions, true);
        dense.place(0);
        assertEquals(List.of(out, in), List.of(dense.tensors().get(0).rows(), dense.tensors().get(0).cols()));
        float[] p = random(dense.parameterCount()), x = random(m * positions * in), y = new float[m * positions * out];
        dense.forward(p, x, y, m, null);
        for (int v = 0; v < m * positions; v++) {
            for (int o = 0; o < out; o++) {
                double sum = p[out * in + o], mag = Math.abs(sum);
                for (int k = 0; k < in; k++) {
                    sum += (double) p[o * in + k] * x[v * in + k];
                    mag += Math.abs((double) p[o * in + k] * x[v * in + k]);
                }
                assertEquals(sum, y[v * out + o], 1e-5 * mag, "vector " + v + ", unit " + o);
            }
        }
    }

    @Test
    void poolingIsTheWindowsMaxAndMean() {
        Shape in = new Shape(5, 4, 2);
        float[] x = random(in.size());
        for (Pool2d.Kind kind : Pool2d.Kind.values()) {
            Pool2d pool = new Pool2d(kind, in, 2, 2);
            float[] y = new float[pool.outputSize()];
            pool.forward(null, x, y, 1, pool.newScratch(1));
            for (int oy = 0; oy < 2; oy++) {
                for (int ox = 0; ox < 2; ox++) {
                    for (int ch = 0; ch < 2; ch++) {
                        double max = Double.NEGATIVE_INFINITY, sum = 0;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                double v = x[((2 * oy + dy) * 4 + 2 * ox + dx) * 2 + ch];
                                max = Math.max(max, v);
                                sum += v;
                            }
                        }
                        assertEquals(kind == Pool2d.Kind.MAX ? max : sum / 4, y[(oy * 2 + ox) * 2 + ch], 1e-6, kind.name());
                    }
                }
            }
        }
    }

    @Test
    void layerNormFollowsItsFormula() {
        int width = 6, positions = 2;
        LayerNorm norm = new LayerNorm(width, positions);
        norm.place(0);
        float[] p = random(2 * width), x = random(width * positions), y = new float[x.length];
        norm.forward(p, x, y, 1, norm.newScratch(1));
        for (int v = 0; v < positions; v++) {
            double mean = 0, var = 0;
            for (int i = 0; i < width; i++) {
                mean += x[v * width + i] / (double) width;
            }
            for (int i = 0; i < width; i++) {
                var += Math.pow(x[v * width + i] - mean, 2) / width;
            }
            for (int i = 0; i < width; i++) {
                double expected = p[i] * (x[v * width + i] - mean) / Math.sqrt(var + LayerNorm.EPS) + p[width + i];
                assertEquals(expected, y[v * width + i], 1e-5);
            }
        }
    }

    @Test
    void attentionIsCausalSoftmaxAttentionHeadByHead() {
        int width = 4, heads = 2, context = 3, hw = width / heads;
        CausalSelfAttention att = new CausalSelfAttention(width, heads, context);
        att.place(0);
        float[] p = random(att.parameterCount()), x = random(width * context), y = new float[x.length];
        att.forward(p, x, y, 1, att.newScratch(1));
        // parameters: Wqkv (3 width x width, out x in), bqkv, Wo (width x width), bo
        int wqkv = 0, bqkv = width * 3 * width, wo = bqkv + 3 * width, bo = wo + width * width;
        double[][] qkv = new double[context][3 * width];
        for (int t = 0; t < context; t++) {
            for (int j = 0; j < 3 * width; j++) {
                double s = p[bqkv + j];
                for (int i = 0; i < width; i++) {
                    s += x[t * width + i] * (double) p[wqkv + j * width + i];
                }
                qkv[t][j] = s;
            }
        }
        double[][] o = new double[context][width];
        for (int h = 0; h < heads; h++) {
            for (int t = 0; t < context; t++) {
                double[] score = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int u = 0; u <= t; u++) {
                    for (int i = 0; i < hw; i++) {
                        score[u] += qkv[t][h * hw + i] * qkv[u][width + h * hw + i] / Math.sqrt(hw);
                    }
                    max = Math.max(max, score[u]);
                }
                for (int u = 0; u <= t; u++) {
                    sum += Math.exp(score[u] - max);
                }
                for (int u = 0; u <= t; u++) {
                    for (int i = 0; i < hw; i++) {
                        o[t][h * hw + i] += Math.exp(score[u] - max) / sum * qkv[u][2 * width + h * hw + i];
                    }
                }
            }
        }
        for (int t = 0; t < context; t++) {
            for (int j = 0; j < width; j++) {
                double s = p[bo + j];
                for (int i = 0; i < width; i++) {
                    s += o[t][i] * p[wo + j * width + i];
                }
                assertEquals(s, y[t * width + j], 1e-5, "position " + t + ", unit " + j);
            }
        }
    }
}

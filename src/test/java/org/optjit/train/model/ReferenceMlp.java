package org.optjit.train.model;

import org.optjit.train.data.Dataset;

/**
 * A deliberately plain double-precision re-implementation of the network's loss, written
 * from the definitions in {@link Loss} and {@link Activation} (loops, no BLAS, no lanes), to
 * check {@link Network} against: its finite differences are the expected gradient.
 *
 * <p>Layout: per layer, weights {@code out x in} row-major (unit {@code o}'s weight from
 * input {@code k} at {@code o * in + k}) then biases, as documented on {@link Network#groups()}.
 */
final class ReferenceMlp {

    private final int[] sizes;
    private final Activation[] act; // per layer 1..L-1; the output is given by the loss
    private final Loss loss;

    ReferenceMlp(int[] sizes, Activation[] hiddenPerLayer, Loss loss) {
        this.sizes = sizes;
        this.act = hiddenPerLayer;
        this.loss = loss;
    }

    /** The classifier {@link Network#classifier} builds. */
    static ReferenceMlp classifier(int[] sizes, Activation hidden) {
        Activation[] act = new Activation[sizes.length];
        java.util.Arrays.fill(act, hidden);
        return new ReferenceMlp(sizes, act, Loss.SOFTMAX_CROSS_ENTROPY);
    }

    /** The autoencoder {@link Network#autoencoder} builds: mirrored, linear code layer. */
    static ReferenceMlp autoencoder(int[] encoder, Activation hidden, Loss loss) {
        int e = encoder.length;
        int[] sizes = new int[2 * e - 1];
        for (int i = 0; i < e; i++) {
            sizes[i] = encoder[i];
            sizes[sizes.length - 1 - i] = encoder[i];
        }
        Activation[] act = new Activation[sizes.length];
        java.util.Arrays.fill(act, hidden);
        act[e - 1] = Activation.LINEAR;
        return new ReferenceMlp(sizes, act, loss);
    }

    static double f(Activation a, double z) {
        switch (a) {
            case LOGISTIC: return 1 / (1 + Math.exp(-z));
            case TANH: return Math.tanh(z);
            case RELU: return Math.max(z, 0);
            case LINEAR: return z;
            default: throw new AssertionError(a);
        }
    }

    /** Mean loss over rows {@code rows[from..to)} with parameters {@code p}. */
    double loss(double[] p, Dataset data, int[] rows, int from, int to) {
        double total = 0;
        int d = data.inputSize();
        for (int i = from; i < to; i++) {
            int r = rows[i];
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = data.inputs()[r * d + j];
            }
            double[] a = x;
            int off = 0;
            int layers = sizes.length - 1;
            for (int l = 1; l <= layers; l++) {
                int in = sizes[l - 1], out = sizes[l];
                double[] z = new double[out];
                for (int o = 0; o < out; o++) {
                    double s = p[off + in * out + o];
                    for (int k = 0; k < in; k++) {
                        s += a[k] * p[off + o * in + k];
                    }
                    z[o] = l < layers ? f(act[l], s) : s;
                }
                off += in * out + out;
                a = z;
            }
            total += exampleLoss(a, x, data.isClassification() ? data.labels()[r] : -1);
        }
        return total / (to - from);
    }

    private double exampleLoss(double[] z, double[] x, int label) {
        double l = 0;
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY: {
                double sum = 0;
                for (double v : z) {
                    sum += Math.exp(v);
                }
                return -Math.log(Math.exp(z[label]) / sum);
            }
            case SQUARED_ERROR:
                for (int i = 0; i < z.length; i++) {
                    l += (z[i] - x[i]) * (z[i] - x[i]);
                }
                return l;
            case LOGISTIC_CROSS_ENTROPY:
                for (int i = 0; i < z.length; i++) {
                    double y = 1 / (1 + Math.exp(-z[i]));
                    l -= x[i] * Math.log(y) + (1 - x[i]) * Math.log(1 - y);
                }
                return l;
            default:
                throw new AssertionError(loss);
        }
    }

    /** Central finite differences of {@link #loss} at {@code p}, step {@code h}. */
    double[] numericGradient(double[] p, Dataset data, int[] rows, int from, int to, double h) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = loss(p, data, rows, from, to);
            p[i] = keep - h;
            double down = loss(p, data, rows, from, to);
            p[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }
}

package org.optjit.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.train.Rng;
import org.optjit.train.data.Dataset;

class NetworkTest {

    @Test
    void describesAndCountsParameters() {
        Network c = Network.classifier(new int[] {784, 256, 10}, Activation.RELU);
        assertEquals("784-256-10 relu, softmax cross-entropy", c.describe());
        assertEquals(784 * 256 + 256 + 256 * 10 + 10, c.parameterCount());
        Network a = Network.autoencoder(new int[] {784, 400, 200, 100, 50, 25, 6}, Activation.LOGISTIC,
                Loss.LOGISTIC_CROSS_ENTROPY);
        assertEquals("784-400-200-100-50-25-6-25-50-100-200-400-784 logistic, linear code,"
                + " logistic output, cross-entropy", a.describe());
        assertArrayEquals(new int[] {784, 400, 200, 100, 50, 25, 6, 25, 50, 100, 200, 400, 784}, a.layerSizes());
    }

    @Test
    void groupsTileTheArrayInOrder() {
        Network net = Network.classifier(new int[] {5, 4, 3}, Activation.TANH);
        List<ParameterGroup> groups = net.groups();
        assertEquals(List.of(new ParameterGroup("layer1.weights", 0, 20, false),
                new ParameterGroup("layer1.biases", 20, 24, true),
                new ParameterGroup("layer2.weights", 24, 36, false),
                new ParameterGroup("layer2.biases", 36, 39, true)), groups);
        assertEquals(39, net.parameterCount());
    }

    @Test
    void layoutListsEachMatrixOutByIn() {
        // PyTorch's nn.Linear.weight convention: rows = fan-out, cols = fan-in
        Network net = Network.classifier(new int[] {784, 256, 10}, Activation.RELU);
        List<String> shapes = net.parameterLayout(false).tensors().stream()
                .map(t -> t.name() + " " + t.rows() + "x" + t.cols() + " ndim " + t.ndim() + " at " + t.offset())
                .toList();
        assertEquals(List.of("layer1.weights 256x784 ndim 2 at 0", "layer1.biases 256x1 ndim 1 at 200704",
                "layer2.weights 10x256 ndim 2 at 200960", "layer2.biases 10x1 ndim 1 at 203520"), shapes);
    }

    /**
     * The weight at {@code o * in + k} of the flat array connects input {@code k} to output
     * unit {@code o}: with only that weight set (to 5) and the input {@code e_k}, the logits
     * are {@code 5 e_o}, so the prediction is {@code o} and the loss
     * {@code log(e^5 + units - 1) - 5}. A forward pass that read the matrix transposed
     * ({@code in x out}) would put the 5 on another unit, or on none.
     */
    @Test
    void forwardReadsTheWeightsOutByIn() {
        int in = 3, out = 4;
        Network net = Network.classifier(new int[] {in, out}, Activation.LINEAR);
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < in; k++) {
                float[] p = new float[net.parameterCount()];
                p[o * in + k] = 5f;
                float[] x = new float[in];
                x[k] = 1f;
                Dataset one = new Dataset("one-hot", x, in, new int[] {o}, out);
                Evaluation e = net.evaluate(p, one);
                assertEquals(0, e.error(), "unit " + o + ", input " + k);
                assertEquals(Math.log(Math.exp(5) + out - 1) - 5, e.loss(), 1e-6, "unit " + o + ", input " + k);
            }
        }
    }

    /** Two layers with random weights and biases against the definition {@code z = W a + b}, in double. */
    @Test
    void forwardMatchesADirectComputationFromTheFlatArray() {
        int[] sizes = {5, 3, 4};
        Network net = Network.classifier(sizes, Activation.TANH);
        Rng rng = new Rng(9);
        float[] p = new float[net.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) rng.nextGaussian();
        }
        Dataset data = GradientCheckTest.classification(6, 5, 4, 3);
        for (int r = 0; r < data.size(); r++) {
            double[] a = new double[sizes[0]];
            for (int k = 0; k < a.length; k++) {
                a[k] = data.inputs()[r * sizes[0] + k];
            }
            int off = 0;
            for (int l = 1; l < sizes.length; l++) {
                int fanIn = sizes[l - 1], units = sizes[l];
                double[] z = new double[units];
                for (int o = 0; o < units; o++) {
                    z[o] = p[off + units * fanIn + o];
                    for (int k = 0; k < fanIn; k++) {
                        z[o] += p[off + o * fanIn + k] * a[k];
                    }
                    z[o] = l < sizes.length - 1 ? Math.tanh(z[o]) : z[o];
                }
                off += units * fanIn + units;
                a = z;
            }
            double sum = 0;
            for (double v : a) {
                sum += Math.exp(v);
            }
            double expected = Math.log(sum) - a[data.labels()[r]];
            double loss = net.lossAndGradient(p, new float[p.length], data, null, r, r + 1);
            assertEquals(expected, loss, 1e-5 * Math.max(1, expected), "example " + r);
        }
    }

    @Test
    void sameBitsForEveryThreadCount() {
        Network net = Network.autoencoder(new int[] {20, 12, 4}, Activation.LOGISTIC, Loss.LOGISTIC_CROSS_ENTROPY);
        Dataset data = GradientCheckTest.pixels(1500, 20, 3);
        float[] p = new float[net.parameterCount()];
        net.initialize(p, Initialization.FAN_IN, new Rng(1));
        int[] rows = new int[data.size()];
        Arrays.setAll(rows, i -> i);
        new Rng(2).shuffle(rows);
        float[] expected = null;
        double expectedLoss = 0;
        for (int threads : new int[] {1, 2, 3, 4, 7, 1}) {
            net.setThreads(threads);
            float[] g = new float[p.length];
            double loss = net.lossAndGradient(p, g, data, rows, 0, rows.length);
            if (expected == null) {
                expected = g;
                expectedLoss = loss;
            } else {
                assertArrayEquals(expected, g, "threads " + threads);
                assertEquals(Double.doubleToLongBits(expectedLoss), Double.doubleToLongBits(loss));
            }
            Evaluation e = net.evaluate(p, data);
            assertTrue(e.loss() > 0 && e.error() > 0 && e.error() < 1, e.toString());
        }
    }

    @Test
    void fanInStatistics() {
        Network net = Network.classifier(new int[] {400, 300, 10}, Activation.RELU);
        float[] p = new float[net.parameterCount()];
        net.initialize(p, Initialization.FAN_IN, new Rng(42));
        for (ParameterGroup g : net.groups()) {
            double sum = 0, sq = 0;
            for (int i = g.from(); i < g.to(); i++) {
                sum += p[i];
                sq += (double) p[i] * p[i];
            }
            int n = g.size();
            if (g.bias()) {
                assertEquals(0, sq, g.name());
            } else {
                int fanIn = g.name().startsWith("layer1") ? 400 : 300;
                double mean = sum / n, var = sq / n - mean * mean;
                assertEquals(0, mean, 4 / Math.sqrt(n * fanIn), g.name() + " mean");
                assertEquals(1.0 / fanIn, var, 0.1 / fanIn, g.name() + " variance");
            }
        }
        float[] again = new float[p.length];
        net.initialize(again, Initialization.FAN_IN, new Rng(42));
        assertArrayEquals(p, again, "same seed, same weights");
        net.initialize(again, Initialization.FAN_IN, new Rng(43));
        assertFalse(Arrays.equals(p, again), "another seed, other weights");
    }

    @Test
    void sparseStatistics() {
        int in = 200, out = 300;
        Network net = Network.classifier(new int[] {in, out, 10}, Activation.LOGISTIC);
        float[] p = new float[net.parameterCount()];
        Arrays.fill(p, 9f); // initialize must overwrite everything
        net.initialize(p, Initialization.SPARSE, new Rng(7));
        double sum = 0, sq = 0;
        int nonzero = 0;
        for (int unit = 0; unit < out; unit++) {
            int k = 0;
            for (int i = 0; i < in; i++) {
                float w = p[unit * in + i];
                if (w != 0) {
                    k++;
                    sum += w;
                    sq += (double) w * w;
                }
            }
            assertEquals(Initialization.SPARSE_CONNECTIONS, k, "unit " + unit);
            nonzero += k;
        }
        double mean = sum / nonzero, var = sq / nonzero - mean * mean;
        assertEquals(0, mean, 4 / Math.sqrt(nonzero), "N(0, 1) mean");
        assertEquals(1, var, 0.1, "N(0, 1) variance");
        // the 10 output units have fan-in 300: exactly 15 each; biases all 0
        List<ParameterGroup> g = net.groups();
        long outNonzero = count(p, g.get(2));
        assertEquals(10 * Initialization.SPARSE_CONNECTIONS, outNonzero);
        assertEquals(0, count(p, g.get(1)) + count(p, g.get(3)));
        // a unit with a fan-in below 15 is fully connected
        Network small = Network.classifier(new int[] {4, 3, 2}, Activation.TANH);
        float[] q = new float[small.parameterCount()];
        small.initialize(q, Initialization.SPARSE, new Rng(1));
        assertEquals(12, count(q, small.groups().get(0)));
    }

    private static long count(float[] p, ParameterGroup g) {
        long n = 0;
        for (int i = g.from(); i < g.to(); i++) {
            n += p[i] != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void refusesMismatchedInputs() {
        Network net = Network.classifier(new int[] {5, 3, 2}, Activation.TANH);
        Dataset data = GradientCheckTest.classification(10, 4, 2, 1);
        float[] p = new float[net.parameterCount()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.lossAndGradient(p, new float[p.length], data, null, 0, 10));
        assertTrue(e.getMessage().contains("4 inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.initialize(new float[3], Initialization.FAN_IN, new Rng(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Network.autoencoder(new int[] {4, 2}, Activation.TANH, Loss.SOFTMAX_CROSS_ENTROPY));
    }
}

package org.optjit.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.train.Rng;
import org.optjit.train.data.Dataset;

/**
 * LeNet-5 and the transformer as wholes: the gradient of the mean batch loss against central
 * finite differences ({@code h = 1e-3}: the embeddings start at scale 0.02 and layer norm divides by it; tolerance {@code 2e-3 + 5e-2 |numeric|}; float32
 * passes) on parameters sampled from every tensor, on batches of 130 rows (two lanes, several
 * chunks for the transformer); the gradient bit-identical for 1 and 3 threads; the tensors
 * covering the array exactly.
 */
class LayerModelTest {

    @Test
    void lenet5GradientMatchesFiniteDifferences() {
        LayerModel m = Models.lenet5(16 * 16, 3);
        check(m, TinyData.images(130, 16, 3, 1));
    }

    @Test
    void transformerClassifierGradientMatchesFiniteDifferences() {
        LayerModel m = Models.transformer(new TransformerShape(2, 8, 2, 3, 16), 7, 5, false);
        check(m, TinyData.sequences(130, 3, 7, 5, 2));
    }

    @Test
    void languageModelGradientMatchesFiniteDifferences() {
        LayerModel m = Models.transformer(new TransformerShape(1, 8, 2, 5, 12), 6, 6, true);
        check(m, TinyData.sequences(130, 6, 6, 6, 3));
    }

    @Test
    void lenet5HasTheIssuesShape() {
        LayerModel m = Models.lenet5(784, 10);
        // conv 5x5x20: 520; conv 5x5x50 on 20 channels: 25,050; dense 800-500: 400,500; dense 500-10: 5,010
        assertEquals(520 + 25_050 + 400_500 + 5_010, m.parameterCount());
        List<String> names = m.tensors().stream().map(TensorShape::name).toList();
        assertEquals(List.of("conv1.weights", "conv1.biases", "conv2.weights", "conv2.biases", "dense1.weights",
                "dense1.biases", "dense2.weights", "dense2.biases"), names);
        assertEquals(List.of(50, 500), List.of(m.tensors().get(2).rows(), m.tensors().get(2).cols()));
        // every weight matrix out x in, as PyTorch's nn.Linear.weight: dense 800-500 is 500 x 800
        assertEquals(List.of(500, 800), List.of(m.tensors().get(4).rows(), m.tensors().get(4).cols()));
        assertEquals(List.of(10, 500), List.of(m.tensors().get(6).rows(), m.tensors().get(6).cols()));
        // the optimizer's layout: the same tensors at the same offsets; biases are vectors in their own group
        org.optjit.Layout layout = m.parameterLayout(true);
        assertEquals(names, layout.tensors().stream().map(org.optjit.Layout.Tensor::name).toList());
        assertEquals(m.parameterCount(), layout.size());
        org.optjit.Layout.Tensor conv2 = layout.tensor("conv2.weights"), bias = layout.tensor("conv2.biases");
        assertEquals(List.of(m.tensors().get(2).offset(), 50, 500, org.optjit.Layout.DEFAULT_GROUP),
                List.of(conv2.offset(), conv2.rows(), conv2.cols(), conv2.group()));
        assertEquals(List.of(1, Model.BIAS_GROUP), List.of(bias.ndim(), bias.group()));
    }

    private static void check(LayerModel m, Dataset data) {
        int offset = 0;
        for (TensorShape t : m.tensors()) {
            assertEquals(offset, t.offset(), t.name());
            offset += t.size();
        }
        assertEquals(m.parameterCount(), offset, "the tensors cover the array");
        float[] p = new float[m.parameterCount()];
        m.initialize(p, Initialization.FAN_IN, new Rng(3));
        float[] g = new float[p.length];
        m.setThreads(3);
        m.lossAndGradient(p, g, data, null, 0, data.size());
        float[] g1 = new float[p.length];
        m.setThreads(1);
        m.lossAndGradient(p, g1, data, null, 0, data.size());
        assertArrayEquals(g, g1, "the same bits for 1 and 3 threads");
        SplittableRandom r = new SplittableRandom(4);
        int checked = 0;
        for (TensorShape t : m.tensors()) {
            for (int k = 0; k < 6; k++) {
                int i = t.offset() + r.nextInt(t.size());
                float keep = p[i], h = 1e-3f;
                p[i] = keep + h;
                double plus = m.lossAndGradient(p, g1, data, null, 0, data.size());
                p[i] = keep - h;
                double minus = m.lossAndGradient(p, g1, data, null, 0, data.size());
                p[i] = keep;
                double numeric = (plus - minus) / (2 * h);
                assertTrue(Math.abs(g[i] - numeric) <= 2e-3 + 5e-2 * Math.abs(numeric),
                        t.name() + "[" + (i - t.offset()) + "]: gradient " + g[i] + ", finite differences " + numeric);
                checked++;
            }
        }
        assertTrue(checked >= 6 * m.tensors().size());
    }
}

package org.optjit.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.train.Rng;
import org.optjit.train.data.Dataset;

/**
 * The network's float32 gradient against central finite differences of an independent
 * double-precision implementation ({@link ReferenceMlp}), for every activation and every
 * loss. Tolerance: |analytic - numeric| <= 1e-4 + 2e-3 |numeric| per parameter, and the
 * losses agree to 1e-5 relative. Batches are large enough to be split into several lanes,
 * and one is large enough for several chunks per lane.
 */
class GradientCheckTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            cases.add(Arguments.of(a, Loss.SOFTMAX_CROSS_ENTROPY));
            cases.add(Arguments.of(a, Loss.SQUARED_ERROR));
            cases.add(Arguments.of(a, Loss.LOGISTIC_CROSS_ENTROPY));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Activation hidden, Loss loss) {
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            int[] sizes = {7, 6, 5, 4};
            check(Network.classifier(sizes, hidden), ReferenceMlp.classifier(sizes, hidden),
                    classification(150, 7, 4, 11), 150);
        } else {
            int[] encoder = {6, 5, 3};
            check(Network.autoencoder(encoder, hidden, loss), ReferenceMlp.autoencoder(encoder, hidden, loss),
                    pixels(150, 6, 12), 150);
        }
    }

    @Test
    void severalChunksPerLane() {
        int[] sizes = {5, 3, 2};
        int rows = Lanes.MAX_LANES * Workspace.CHUNK + 77;
        check(Network.classifier(sizes, Activation.TANH), ReferenceMlp.classifier(sizes, Activation.TANH),
                classification(rows, 5, 2, 13), rows);
    }

    private static void check(Network net, ReferenceMlp ref, Dataset data, int batch) {
        Rng rng = new Rng(5);
        float[] p = new float[net.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (0.5 * rng.nextGaussian()); // biases too, so that they matter
        }
        int[] rows = new int[data.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        rng.shuffle(rows);
        int from = 3, to = Math.min(rows.length, from + batch - 3);
        float[] g = new float[p.length];
        java.util.Arrays.fill(g, Float.NaN); // must be overwritten, never read
        double loss = net.lossAndGradient(p, g, data, rows, from, to);

        double[] pd = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = p[i];
        }
        double refLoss = ref.loss(pd, data, rows, from, to);
        assertEquals(refLoss, loss, 1e-5 * Math.max(1, Math.abs(refLoss)), net.describe() + " loss");
        double[] numeric = ref.numericGradient(pd, data, rows, from, to, 1e-6);
        for (int i = 0; i < p.length; i++) {
            double tol = 1e-4 + 2e-3 * Math.abs(numeric[i]);
            int at = i;
            assertTrue(Math.abs(g[i] - numeric[i]) <= tol, () -> net.describe() + ": gradient[" + at
                    + "] = " + g[at] + ", finite differences " + numeric[at]);
        }
    }

    /** Gaussian inputs with random labels in [0, classes). */
    static Dataset classification(int n, int d, int classes, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return new Dataset("random", x, d, y, classes);
    }

    /** Uniform inputs in [0, 1]: valid targets for logistic outputs. */
    static Dataset pixels(int n, int d, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        return new Dataset("pixels", x, d, null, 0);
    }
}

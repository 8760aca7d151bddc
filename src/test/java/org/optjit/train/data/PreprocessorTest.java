package org.optjit.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optjit.train.Rng;

/** Lecture 6b's input transformations, fitted on the training set only. */
class PreprocessorTest {

    static final int D = 7; // six correlated columns and one constant column

    /** x = A z + shift with z ~ N(0, I): strongly correlated inputs, column 6 constant. */
    static Dataset correlated(int n, double shift, long seed) {
        Rng a = new Rng(99); // the same mixing matrix for every set
        double[] mix = new double[6 * 6];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = a.nextGaussian() * (1 + i % 6);
        }
        Rng rng = new Rng(seed);
        float[] x = new float[n * D];
        double[] z = new double[6];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 6; k++) {
                z[k] = rng.nextGaussian();
            }
            for (int j = 0; j < 6; j++) {
                double s = shift + j;
                for (int k = 0; k < 6; k++) {
                    s += mix[j * 6 + k] * z[k];
                }
                x[r * D + j] = (float) s;
            }
            x[r * D + 6] = 0.25f;
        }
        return new Dataset("correlated", x, D, null, 0);
    }

    static double[][] covariance(Dataset d, double[] mean) {
        int k = d.inputSize(), n = d.size();
        double[][] c = new double[k][k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    c[i][j] += (d.inputs()[r * k + i] - mean[i]) * (d.inputs()[r * k + j] - mean[j]) / n;
                }
            }
        }
        return c;
    }

    @Test
    void standardizeUsesTrainingStatisticsOnly() {
        Dataset train = correlated(3000, 0, 1), other = correlated(500, 3, 2);
        Preprocessor p = Preprocessor.fit(train, Preprocessor.Mode.STANDARDIZE, 0);
        Dataset t = p.apply(train);
        double[] mean = Pca.mean(t);
        double[] var = Pca.variance(t, mean);
        for (int j = 0; j < 6; j++) {
            assertEquals(0, mean[j], 1e-5, "mean " + j);
            assertEquals(1, var[j], 1e-4, "variance " + j);
        }
        assertEquals(0, var[6], 0, "a constant column stays constant (and finite)");
        assertEquals(0, t.inputs()[6], 0);
        // the other set is transformed with the training mean and deviation, not its own
        double[] trainMean = Pca.mean(train), trainVar = Pca.variance(train, trainMean);
        Dataset o = p.apply(other);
        for (int j = 0; j < 6; j++) {
            double expected = (other.inputs()[j] - trainMean[j]) / Math.sqrt(trainVar[j]);
            assertEquals(expected, o.inputs()[j], 1e-4);
        }
        assertTrue(Pca.mean(o)[0] > 0.1, "the shifted set keeps its shift");
    }

    @Test
    void pcaDecorrelatesAndKeepsTheVariance() {
        Dataset train = correlated(3000, 0, 1);
        Preprocessor p = Preprocessor.fit(train, Preprocessor.Mode.PCA, 0);
        assertEquals(6, p.outputSize(), "the constant column carries no component");
        Dataset t = p.apply(train);
        double[][] c = covariance(t, Pca.mean(t));
        double total = 0;
        for (int i = 0; i < 6; i++) {
            total += c[i][i];
            if (i > 0) {
                assertTrue(c[i][i] <= c[i - 1][i - 1] * (1 + 1e-6), "largest component first");
            }
            for (int j = 0; j < 6; j++) {
                if (i != j) {
                    assertEquals(0, c[i][j], 1e-4 * c[0][0], "covariance " + i + "," + j);
                }
            }
        }
        double[] var = Pca.variance(train, Pca.mean(train));
        double original = 0;
        for (double v : var) {
            original += v;
        }
        assertEquals(original, total, 1e-4 * original, "a rotation keeps the total variance");
        assertEquals(2, Preprocessor.fit(train, Preprocessor.Mode.PCA, 2).apply(train).inputSize());
    }

    @Test
    void whitenedTrainingDataHasIdentityCovariance() {
        Dataset train = correlated(3000, 0, 1);
        Preprocessor p = Preprocessor.fit(train, Preprocessor.Mode.WHITEN, 0);
        Dataset t = p.apply(train);
        double[] mean = Pca.mean(t);
        double[][] c = covariance(t, mean);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, mean[i], 1e-4);
            for (int j = 0; j < 6; j++) {
                assertEquals(i == j ? 1 : 0, c[i][j], 1e-3, "covariance " + i + "," + j);
            }
        }
        Dataset other = p.apply(correlated(500, 0, 7));
        assertEquals(6, other.inputSize());
        assertEquals(500, other.size());
    }

    @Test
    void noneChangesNothing() {
        Dataset train = correlated(10, 0, 1);
        assertSame(train, Preprocessor.fit(train, Preprocessor.Mode.NONE, 0).apply(train));
    }
}

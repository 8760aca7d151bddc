package org.optjit.reference.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/** The references of the rules with per-tensor, per-row and per-column values. */
class LayerwiseReferencesTest {

    private final Layout layout = Fixture.matrixAndVector();
    private final Tensor matrix = layout.tensors().get(0);

    @Test
    void larsMovesATensorByEtaTimesItsNormAndAZeroTensorByTheGradient() {
        float[] w = Fixture.gaussian(1, layout.size(), 1);
        for (int i = matrix.end(); i < w.length; i++) {
            w[i] = 0;
        }
        float[] g = Fixture.gaussian(2, layout.size(), 5);
        float[] after = w.clone();
        new LarsReference(Fixture.hypers(Map.of("weight_decay", 0.0)), layout, w).step(after, g, 1);
        // trust = eta ||w|| / ||g||: the first step is v = trust g, of norm eta ||w|| (up to
        // the rounding of w - v, about 1e-4 of a step of 1e-3 next to weights of 1).
        double expected = 0.001 * Fixture.norm(w, matrix);
        assertEquals(expected, Fixture.norm(Fixture.minus(w, after), matrix), expected * 1e-3);
        for (int i = matrix.end(); i < w.length; i++) {
            assertEquals(-g[i], after[i], "a zero tensor has trust 1: w = -lr g with lr = 1");
        }
    }

    @Test
    void lambMovesAMatrixByTheScheduledRateTimesItsNorm() {
        float[] w = Fixture.gaussian(3, layout.size(), 1);
        float[] after = w.clone();
        new LambReference(Fixture.defaults(), layout, w).step(after, Fixture.gaussian(4, layout.size(), 1), 1);
        double rateAtStep1 = 0.005 * (1.0 / 100) * (1 - 1.0 / 5000); // lr, a hundredth of the warm-up, the decay
        double expected = rateAtStep1 * Fixture.norm(w, matrix);
        assertEquals(expected, Fixture.norm(Fixture.minus(w, after), matrix), expected * 1e-3);
    }

    @Test
    void lambsTrustRatioIsOneForAZeroMatrixAsForAVector() {
        Layout asMatrix = Layout.builder().matrix("a", 5, 7).build();
        Layout asVector = Layout.builder().vector("a", 35).build();
        float[] w = new float[35];
        float[] g = Fixture.gaussian(5, 35, 1);
        float[] viaMatrix = w.clone();
        float[] viaVector = w.clone();
        new LambReference(Fixture.defaults(), asMatrix, w).step(viaMatrix, g, 1);
        new LambReference(Fixture.defaults(), asVector, w).step(viaVector, g, 1);
        assertArrayEquals(viaVector, viaMatrix);
        assertTrue(Fixture.norm(viaMatrix, asMatrix.tensors().get(0)) > 0, "a zero matrix must move");
    }

    @Test
    void novogradStartsWithTheSquaredNormAndNormalisesTheStep() {
        float[] w = new float[layout.size()];
        float[] g = Fixture.gaussian(6, layout.size(), 1000);
        NovogradReference ref = new NovogradReference(Fixture.defaults(), layout, w);
        float[] after = w.clone();
        ref.step(after, g, 1);
        double n = Fixture.norm(g, matrix);
        assertEquals(n * n, ref.state().get("v")[0], n * n * 1e-6);
        // m = g / ||g||, w = -lr m: a step of norm lr whatever the gradient's scale.
        assertEquals(0.001, Fixture.norm(after, matrix), 1e-9);
        float[] g2 = Fixture.gaussian(7, layout.size(), 1);
        ref.step(after, g2, 2);
        double n2 = Fixture.norm(g2, matrix);
        assertEquals(0.98 * n * n + 0.02 * n2 * n2, ref.state().get("v")[0], n * n * 1e-6);
    }

    @Test
    void adafactorOnAVectorIsTheUnfactoredForm() {
        Layout vector = Layout.builder().vector("b", 13).build();
        float[] w = Fixture.gaussian(8, 13, 1);
        float[] factored = w.clone();
        AdafactorReference ref = new AdafactorReference(Fixture.defaults(), vector, w);
        double[] v = new double[13];
        double[] unfactored = new double[13];
        for (int i = 0; i < 13; i++) {
            unfactored[i] = w[i];
        }
        for (int t = 1; t <= 30; t++) {
            float[] g = Fixture.gaussian(100 + t, 13, 0.1);
            ref.step(factored, g, t);
            double beta2 = 1 - Math.pow(t, -0.8);
            double[] u = new double[13];
            double sumsqU = 0;
            double sumsqW = 0;
            for (int i = 0; i < 13; i++) {
                v[i] = beta2 * v[i] + (1 - beta2) * ((double) g[i] * g[i] + 1e-30);
                u[i] = g[i] / Math.sqrt(v[i]);
                sumsqU += u[i] * u[i];
                sumsqW += unfactored[i] * unfactored[i];
            }
            double clip = Math.max(1, Math.sqrt(sumsqU / 13));
            double alpha = Math.max(1e-3, Math.sqrt(sumsqW / 13)) * Math.min(0.01, 1 / Math.sqrt(t));
            for (int i = 0; i < 13; i++) {
                unfactored[i] -= alpha * u[i] / clip;
                assertEquals(unfactored[i], factored[i], 1e-5, "step " + t + ", element " + i);
            }
        }
    }

    @Test
    void adafactorsFirstStepOnARankOneGradientIsTheSignTimesTheRelativeStep() {
        Layout one = Layout.builder().matrix("a", 4, 6).build();
        float[] w = Fixture.gaussian(9, 24, 1);
        float[] g = new float[24];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                g[i * 6 + j] = (i + 1) * (j % 2 == 0 ? 0.5f : -2f);
            }
        }
        float[] after = w.clone();
        new AdafactorReference(Fixture.defaults(), one, w).step(after, g, 1);
        // beta2_1 = 0, so V = g^2 exactly for a rank-one g^2: U = sign(g), rms(U) = 1.
        double alpha = 0.01 * Math.max(1e-3, Fixture.norm(w, one.tensors().get(0)) / Math.sqrt(24));
        for (int i = 0; i < 24; i++) {
            assertEquals(w[i] - alpha * Math.signum(g[i]), after[i], 1e-6, "element " + i);
        }
    }

    @Test
    void cautiousAdamwOnlyDecaysWhereTheMomentDisagreesWithTheGradient() {
        float[] w = Fixture.gaussian(10, layout.size(), 1);
        float[] g = Fixture.gaussian(11, layout.size(), 1);
        CautiousAdamwReference ref = new CautiousAdamwReference(Fixture.defaults(), layout, w);
        float[] after = w.clone();
        ref.step(after, g, 1);
        float[] g2 = g.clone();
        for (int i = 0; i < g2.length; i += 2) {
            g2[i] = -0.5f * g[i]; // m = (0.09 - 0.05) g: against g2
        }
        float[] before = after.clone();
        ref.step(after, g2, 2);
        float decay = (float) (1 - 0.001 * 0.01);
        for (int i = 0; i < g2.length; i++) {
            if (i % 2 == 0 && g[i] != 0) {
                assertEquals(before[i] * decay, after[i], "masked element " + i);
            } else if (g[i] != 0) {
                assertTrue(Math.abs(after[i] - before[i] * decay) > 1e-4, "unmasked element " + i + " must move");
            }
        }
    }
}

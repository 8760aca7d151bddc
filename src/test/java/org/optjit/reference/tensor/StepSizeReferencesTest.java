package org.optjit.reference.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Layout;

/**
 * The references of the learning-rate-free rules, the averaging rules and the schedule: what
 * their papers promise about d, x, the slow weights, the average and lr_t.
 */
class StepSizeReferencesTest {

    private final Layout layout = Layout.builder().matrix("a", 5, 7).vector("b", 13)
            .group("no_decay").vector("c", 3).build();

    /** Runs {@code ref} for {@code steps} steps on a constant gradient from w = 1. */
    private static float[] run(TensorReference ref, float[] w, float[] g, int steps) {
        for (int t = 1; t <= steps; t++) {
            ref.step(w, g, t);
        }
        return w;
    }

    /** Steps {@code ref} on the bowl {@code |w - target|^2 / 2} and returns the final distance. */
    private static double descend(TensorReference ref, float[] w, float[] target, int steps, float[] dTrace) {
        for (int t = 1; t <= steps; t++) {
            float[] g = Fixture.minus(w, target);
            ref.step(w, g, t);
            dTrace[t] = ref.state().get("d")[0];
        }
        return distance(w, target);
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], 2);
        }
        return Math.sqrt(s);
    }

    @Test
    void prodigyKeepsD0OnItsFirstStepThenLearnsAStepThatReachesTheMinimum() {
        float[] w = Fixture.gaussian(1, layout.size(), 1);
        float[] target = Fixture.gaussian(2, layout.size(), 1);
        ProdigyReference ref = new ProdigyReference(Fixture.defaults(), layout, w);
        float[] d = new float[201];
        double start = distance(w, target);
        double end = descend(ref, w, target, 200, d);
        assertEquals(1e-6f, d[1], "x0 - w is 0 on the first step, so d stays d0");
        for (int t = 2; t <= 200; t++) {
            assertTrue(d[t] >= d[t - 1], "d never decreases: step " + t);
        }
        assertEquals(d[200], ref.state().get("d")[1], "one d for every group, the same");
        assertTrue(d[200] > 1e-2, "d grows from 1e-6 towards the distance to the minimum: " + d[200]);
        assertTrue(end < 0.01 * start, "distance from " + start + " to " + end);
    }

    @Test
    void dadaptLearnsAStepThatReachesTheMinimum() {
        float[] w = Fixture.gaussian(3, layout.size(), 1);
        float[] target = Fixture.gaussian(4, layout.size(), 1);
        DadaptAdamReference ref = new DadaptAdamReference(Fixture.defaults(), layout, w);
        float[] d = new float[301];
        double start = distance(w, target);
        double end = descend(ref, w, target, 300, d);
        for (int t = 2; t <= 300; t++) {
            assertTrue(d[t] >= d[t - 1], "d never decreases: step " + t);
        }
        assertTrue(d[300] > 1e-2, "d: " + d[300]);
        assertTrue(end < 0.01 * start, "distance from " + start + " to " + end);
    }

    @Test
    void scheduleFreeEvaluatesAtTheAverageOfZ() {
        float[] w = Fixture.gaussian(5, layout.size(), 1);
        ScheduleFreeAdamwReference ref = new ScheduleFreeAdamwReference(Fixture.defaults(), layout, w);
        double[] sum = new double[w.length];
        float[] y = w.clone();
        float[] x = new float[w.length];
        for (int t = 1; t <= 50; t++) {
            ref.step(y, Fixture.gaussian(100 + t, w.length, 1), t);
            float[] z = ref.state().get("z");
            ref.evalWeights(y, x);
            for (int i = 0; i < w.length; i++) {
                sum[i] += z[i];
                assertEquals(sum[i] / t, x[i], 1e-5, "x at step " + t + ", element " + i);
                assertEquals(0.9 * x[i] + 0.1 * z[i], y[i], 1e-6, "y at step " + t);
            }
        }
    }

    @Test
    void lookaheadIsAdamUntilItPullsBackHalfwayEveryFiveSteps() {
        float[] w = Fixture.gaussian(6, layout.size(), 1);
        LookaheadReference lookahead = new LookaheadReference(Fixture.defaults(), layout, w);
        LookaheadReference adam = new LookaheadReference(Fixture.hypers(Map.of("k", 1e9)), layout, w);
        float[] a = w.clone();
        float[] b = w.clone();
        for (int t = 1; t <= 5; t++) {
            float[] g = Fixture.gaussian(200 + t, w.length, 1);
            lookahead.step(a, g, t);
            adam.step(b, g, t);
            if (t < 5) {
                assertArrayEquals(b, a, "step " + t);
            }
        }
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] + 0.5f * (b[i] - w[i]), a[i], "element " + i);
            assertEquals(a[i], lookahead.state().get("slow")[i]);
        }
    }

    @Test
    void emaFollowsTheWeightsOnlyAsFastAsItsDecayAllows() {
        float[] w = Fixture.gaussian(7, layout.size(), 1);
        float[] g = Fixture.gaussian(8, layout.size(), 1);
        EmaReference frozen = new EmaReference(Fixture.hypers(Map.of("decay", 1.0)), layout, w);
        EmaReference follows = new EmaReference(Fixture.hypers(Map.of("decay", 0.0)), layout, w);
        float[] a = run(frozen, w.clone(), g, 10);
        float[] b = run(follows, w.clone(), g, 10);
        float[] out = new float[w.length];
        frozen.evalWeights(a, out);
        assertArrayEquals(w, out);
        follows.evalWeights(b, out);
        assertArrayEquals(b, out);
        assertArrayEquals(a, b, "the average never feeds back into the weights");
    }

    @Test
    void adanOnAConstantGradientHasNoDifferenceTermAndStepsBySignTimesLr() {
        float[] w = Fixture.gaussian(9, layout.size(), 1);
        float[] g = Fixture.gaussian(10, layout.size(), 1);
        AdanReference ref = new AdanReference(Fixture.defaults(), layout, w);
        float[] after = run(ref, w.clone(), g, 1);
        for (int i = 0; i < w.length; i++) {
            assertEquals((w[i] - 0.001 * Math.signum(g[i])) / (1 + 0.001 * 0.02), after[i], 1e-6);
        }
        run(ref, after, g, 3);
        for (float n1 : ref.state().get("n1")) {
            assertEquals(0f, n1);
        }
    }

    @Test
    void marsIsAdamwOnTheCorrectedGradientScaledToAtMostUnitNorm() {
        Layout one = Layout.builder().matrix("a", 5, 7).build();
        float[] w = Fixture.gaussian(11, 35, 1);
        float[] g = Fixture.gaussian(12, 35, 1e-3);
        MarsReference mars = new MarsReference(Fixture.defaults(), one, w);
        float[] a = run(mars, w.clone(), g, 4);
        // From step 2 on g - g_prev = 0, so c = g; on step 1 c = (1 + gamma beta1 / (1 - beta1)) g.
        float[] first = new float[35];
        float scale = (float) (0.025 * 0.95 / 0.05);
        for (int i = 0; i < 35; i++) {
            first[i] = g[i] + scale * g[i];
        }
        AdamW adam = new AdamW(0.95, 0.99, 1e-8);
        float[] b = w.clone();
        float[] m = new float[35];
        float[] v = new float[35];
        for (int t = 1; t <= 4; t++) {
            adam.step(b, t == 1 ? first : g, m, v, 0, 35, 0.003, 0, t);
        }
        assertArrayEquals(b, a);
    }

    @Test
    void muonsOrthogonalisationFlattensTheSingularValues() {
        double[][] u = new double[5][7];
        float[] r = Fixture.gaussian(13, 35, 1);
        for (int i = 0; i < 35; i++) {
            u[i / 7][i % 7] = r[i] * (1 + i / 7); // rows of very different scales
        }
        double[][] x = NewtonSchulz.orth(u);
        // X X^T has the squared singular values as eigenvalues: the quintic puts them in
        // roughly [0.5, 1.5] (Jordan et al.: singular values about Uniform(0.5, 1.5)).
        for (int i = 0; i < 5; i++) {
            double diagonal = 0;
            for (int j = 0; j < 7; j++) {
                diagonal += x[i][j] * x[i][j];
            }
            assertTrue(diagonal > 0.25 && diagonal < 2.25, "row " + i + " squared norm " + diagonal);
        }
        double[][] transposed = new double[7][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                transposed[j][i] = u[i][j];
            }
        }
        double[][] xt = NewtonSchulz.orth(transposed);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(x[i][j], xt[j][i], "a tall matrix is orthogonalised as its transpose");
            }
        }
    }

    @Test
    void theScheduleWarmsUpLinearlyThenFollowsHalfACosine() {
        assertEquals(0.5, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0, 50), 1e-15);
        assertEquals(1.0, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0, 100), 1e-15);
        assertEquals(0.5, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0, 600), 1e-15);
        assertEquals(0.55, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0.1, 600), 1e-15);
        assertEquals(0.1, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0.1, 1100), 1e-15);
        assertEquals(0.1, AdamwWarmupCosineReference.scheduled(1, 100, 1100, 0.1, 5000), 1e-15);
    }
}

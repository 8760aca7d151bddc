package org.optjit.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.baseline.vector.VectorClipAdamW;
import org.optjit.baseline.vector.VectorLamb;

/**
 * Global-norm clipping + AdamW and LAMB, scalar and Vector API, against reference loops
 * written here from the equations in double, on a layout of odd sizes: within a tolerance,
 * since the baselines keep float32 state and add norms in their own order. And: the same
 * bits on 1 and 3 threads.
 */
class TensorBaselinesTest {

    /** Odd sizes (vector tails), a single weight, an empty tensor, one starting at zero. */
    private static final int[] SIZES = {1003, 17, 4096, 1, 0, 515, 260};
    private static final int[] OFFSETS = offsets(SIZES);
    private static final int TOTAL = OFFSETS[SIZES.length - 1] + SIZES[SIZES.length - 1];
    /** The tensor whose weights start at 0: LAMB's ||w|| = 0 case (trust 1). */
    private static final int ZERO_TENSOR = 5;
    private static final int STEPS = 30;

    /**
     * Largest difference in the weights' displacement over {@link #STEPS} steps, relative
     * to the largest displacement: float32 state against double (measured below 1e-5).
     */
    private static final double TOLERANCE = 1e-4;

    /** A larger lr and decay than the defaults, so that 30 steps move the weights visibly. */
    private static final ClipAdamW CLIP = new ClipAdamW(1.0, new AdamW(0.01, 0.9, 0.999, 1e-8, 0.1));
    private static final Lamb LAMB = new Lamb(0.01, 0.9, 0.999, 1e-6, 0.1);

    static Stream<TensorBaseline> clipped() {
        return Stream.of(CLIP, new VectorClipAdamW(CLIP));
    }

    static Stream<TensorBaseline> lambs() {
        return Stream.of(LAMB, new VectorLamb(LAMB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clipped")
    void clipAdamWMatchesReference(TensorBaseline baseline) {
        Run run = new Run(baseline);
        ReferenceClipAdamW reference = new ReferenceClipAdamW(CLIP, run.w0);
        boolean clippedOnce = false;
        boolean unclippedOnce = false;
        for (int t = 1; t <= STEPS; t++) {
            float[] g = run.gradient(t);
            double factor = reference.step(g, t);
            clippedOnce |= factor < 1;
            unclippedOnce |= factor == 1;
            run.step(g, t);
        }
        assertTrue(clippedOnce && unclippedOnce, "the data must clip on some steps and not on others");
        run.assertCloseTo(reference.w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lambs")
    void lambMatchesReference(TensorBaseline baseline) {
        Run run = new Run(baseline);
        ReferenceLamb reference = new ReferenceLamb(LAMB, run.w0);
        for (int t = 1; t <= STEPS; t++) {
            float[] g = run.gradient(t);
            reference.step(g, t);
            run.step(g, t);
        }
        run.assertCloseTo(reference.w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allBaselines")
    void sameBitsOnAnyThreadCount(TensorBaseline baseline) {
        Run one = new Run(baseline);
        Run three = new Run(baseline);
        for (int t = 1; t <= 5; t++) {
            float[] g = one.gradient(t);
            one.step(g, t, 1);
            three.step(g, t, 3);
        }
        assertArrayEquals(one.w, three.w, 0f);
        for (int k = 0; k < one.state.length; k++) {
            assertArrayEquals(one.state[k], three.state[k], 0f);
        }
    }

    static Stream<TensorBaseline> allBaselines() {
        return Stream.concat(clipped(), lambs());
    }

    @Test
    void clipFactorFollowsTorch() {
        ClipAdamW clip = new ClipAdamW(2.0, AdamW.DEFAULTS);
        assertEquals(1f, clip.clipFactor(1.0));
        assertEquals((float) (2.0 / (4.0 + 1e-6)), clip.clipFactor(4.0));
    }

    @Test
    void rejectsMismatchedLayouts() {
        float[] w = new float[10];
        float[][] state = ClipAdamW.DEFAULTS.newState(w);
        assertThrows(IllegalArgumentException.class,
                () -> ClipAdamW.DEFAULTS.step(w, w, state, 1, new int[] {0, 5}, new int[] {5}, 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Lamb.DEFAULTS.step(w, w, state, 1, new int[] {0, 5}, new int[] {5, 6}, 1));
    }

    @Test
    void hyperparametersUseTheExamplesNames() {
        assertEquals(List.of("lr", "beta1", "beta2", "eps", "weight_decay", "max_norm"),
                List.copyOf(ClipAdamW.DEFAULTS.hyperparameters().keySet()));
        assertEquals(List.of("lr", "beta1", "beta2", "eps", "weight_decay"),
                List.copyOf(Lamb.DEFAULTS.hyperparameters().keySet()));
    }

    /** One baseline's weights and state over a run, on random data that also clips. */
    private static final class Run {
        final TensorBaseline baseline;
        final float[] w0;
        final float[] w;
        final float[][] state;
        private final Random random = new Random(11);

        Run(TensorBaseline baseline) {
            this.baseline = baseline;
            Random init = new Random(5);
            w0 = new float[TOTAL];
            for (int i = 0; i < TOTAL; i++) {
                w0[i] = (float) init.nextGaussian();
            }
            Arrays.fill(w0, OFFSETS[ZERO_TENSOR], OFFSETS[ZERO_TENSOR] + SIZES[ZERO_TENSOR], 0f);
            w = w0.clone();
            state = baseline.newState(w);
        }

        /** Gaussian gradients; every third step small enough not to clip (global norm about 0.7). */
        float[] gradient(int t) {
            float scale = t % 3 == 0 ? 0.01f : 0.5f;
            float[] g = new float[TOTAL];
            for (int i = 0; i < TOTAL; i++) {
                g[i] = (float) random.nextGaussian() * scale;
            }
            return g;
        }

        void step(float[] g, int t) {
            step(g, t, 2);
        }

        void step(float[] g, int t, int threads) {
            baseline.step(w, g, state, t, OFFSETS, SIZES, threads);
        }

        void assertCloseTo(double[] expected) {
            double largest = 0;
            double diff = 0;
            for (int i = 0; i < TOTAL; i++) {
                assertTrue(Float.isFinite(w[i]), "weight " + i + " is " + w[i]);
                largest = Math.max(largest, Math.abs(expected[i] - w0[i]));
                diff = Math.max(diff, Math.abs(expected[i] - w[i]));
            }
            assertTrue(largest > 0.05, "the weights must move: " + largest);
            assertTrue(diff <= TOLERANCE * largest, "difference " + diff + " vs displacement " + largest);
        }
    }

    /** torch's clip_grad_norm_ then AdamW, in double, straight from the equations. */
    private static final class ReferenceClipAdamW {
        final ClipAdamW h;
        final double[] w;
        final double[] m = new double[TOTAL];
        final double[] v = new double[TOTAL];

        ReferenceClipAdamW(ClipAdamW h, float[] w0) {
            this.h = h;
            this.w = toDouble(w0);
        }

        double step(float[] g, int t) {
            double sum = 0;
            for (float x : g) {
                sum += (double) x * x;
            }
            double factor = Math.min(1, h.max_norm() / (Math.sqrt(sum) + 1e-6));
            AdamW a = h.adamw();
            for (int i = 0; i < TOTAL; i++) {
                double gi = g[i] * factor;
                w[i] *= 1 - a.lr() * a.weight_decay();
                m[i] = a.beta1() * m[i] + (1 - a.beta1()) * gi;
                v[i] = a.beta2() * v[i] + (1 - a.beta2()) * gi * gi;
                double mHat = m[i] / (1 - Math.pow(a.beta1(), t));
                double vHat = v[i] / (1 - Math.pow(a.beta2(), t));
                w[i] -= a.lr() * mHat / (Math.sqrt(vHat) + a.eps());
            }
            return factor;
        }
    }

    /** LAMB in double, straight from the equations, tensor by tensor. */
    private static final class ReferenceLamb {
        final Lamb h;
        final double[] w;
        final double[] m = new double[TOTAL];
        final double[] v = new double[TOTAL];

        ReferenceLamb(Lamb h, float[] w0) {
            this.h = h;
            this.w = toDouble(w0);
        }

        void step(float[] g, int t) {
            for (int k = 0; k < SIZES.length; k++) {
                double[] r = new double[SIZES[k]];
                double ww = 0;
                double rr = 0;
                for (int j = 0; j < SIZES[k]; j++) {
                    int i = OFFSETS[k] + j;
                    m[i] = h.beta1() * m[i] + (1 - h.beta1()) * g[i];
                    v[i] = h.beta2() * v[i] + (1 - h.beta2()) * g[i] * g[i];
                    double mHat = m[i] / (1 - Math.pow(h.beta1(), t));
                    double vHat = v[i] / (1 - Math.pow(h.beta2(), t));
                    r[j] = mHat / (Math.sqrt(vHat) + h.eps()) + h.weight_decay() * w[i];
                    ww += w[i] * w[i];
                    rr += r[j] * r[j];
                }
                double trust = ww == 0 || rr == 0 ? 1 : Math.sqrt(ww) / Math.sqrt(rr);
                for (int j = 0; j < SIZES[k]; j++) {
                    w[OFFSETS[k] + j] -= h.lr() * trust * r[j];
                }
            }
        }
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static int[] offsets(int[] sizes) {
        int[] out = new int[sizes.length];
        for (int k = 1; k < sizes.length; k++) {
            out[k] = out[k - 1] + sizes[k - 1];
        }
        return out;
    }
}

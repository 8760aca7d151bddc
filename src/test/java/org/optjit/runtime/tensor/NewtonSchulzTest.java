package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netlib.util.intW;

/**
 * {@link NewtonSchulz} against {@link NaiveOrth} (the contract in double), against the
 * spectrum it must produce, and for the symmetries and edge cases the contract names.
 */
class NewtonSchulzTest {

    /**
     * Largest element difference from the double reference, relative to the largest element
     * of the reference. Float32 products over 5 iterations of a polynomial whose slope is up
     * to 3.4 at small singular values: measured 2e-8 (vectors) to 2e-6 on these shapes.
     */
    private static final double TOLERANCE = 2e-5;

    private static final Sgemm NETLIB = Sgemm.of(JavaBLAS.getInstance());

    /**
     * For comparisons bit for bit between calls ({@link #recording} says why not netlib): the
     * test's own loops, whose symmetric product writes the upper triangle only, as BLAS does.
     */
    private static final Sgemm DETERMINISTIC = recording(new ArrayList<>());

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(16, 16), Arguments.of(64, 64), Arguments.of(24, 40), Arguments.of(40, 24),
                Arguments.of(33, 17), Arguments.of(17, 33), Arguments.of(7, 5), Arguments.of(2, 2),
                Arguments.of(1, 50), Arguments.of(50, 1), Arguments.of(1, 1),
                // thin: in panels of 7, X' is cut along its long rows (Panels)
                Arguments.of(5, 40), Arguments.of(40, 5));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("shapes")
    void matchesDoubleReference(int rows, int cols) {
        float[] g = gaussian(rows * cols, rows * 31L + cols);
        double[][] expected = NaiveOrth.orth(toMatrix(g, rows, cols));
        // netlib's Java BLAS (Sgemm.of: general products for the symmetric ones too), the
        // test's loops with an upper-only ssyrk, and with the interface's default ssyrk
        for (Sgemm sgemm : new Sgemm[] {NETLIB, DETERMINISTIC, NewtonSchulzTest::tripleLoop}) {
            // whole products (these are narrower than two panels), then in panels of 7 columns on 1 and 3 threads
            for (NewtonSchulz orth : new NewtonSchulz[] {new NewtonSchulz(sgemm), new NewtonSchulz(sgemm, 7)}) {
                for (int threads : new int[] {1, 3}) {
                    float[] out = new float[rows * cols];
                    orth.orth(g, 0, rows, cols, out, 0, threads);
                    assertClose(expected, out, rows, cols);
                }
            }
        }
    }

    @Test
    void vectorIsDividedByItsNorm() {
        float[] e = {3, 0, -4};
        float[] out = new float[3];
        new NewtonSchulz(NETLIB).orth(e, 0, 3, 1, out, 0);
        assertArrayEquals(new float[] {0.6f, 0f, -0.8f}, out, 1e-6f);
    }

    @Test
    void zeroGivesZeros() {
        for (int[] shape : new int[][] {{8, 12}, {12, 8}, {1, 9}, {9, 1}}) {
            float[] out = new float[shape[0] * shape[1]];
            Arrays.fill(out, Float.NaN);
            new NewtonSchulz(NETLIB).orth(new float[out.length], 0, shape[0], shape[1], out, 0);
            assertArrayEquals(new float[out.length], out, 0f);
        }
    }

    /**
     * In exact arithmetic each singular value s of the normalised input becomes p(p(p(p(p(s)))))
     * with p(s) = a s + b s^3 + c s^5. The singular values of both sides come from
     * eigenvalues of Gram matrices (LAPACK, double). For a wide Gaussian matrix the
     * normalised singular values lie in about [0.09, 0.27], all of which p^5 brings into the
     * band Muon accepts.
     */
    @Test
    void singularValuesFollowTheQuinticIntoTheBand() {
        int rows = 32;
        int cols = 128;
        float[] g = gaussian(rows * cols, 7);
        float[] out = new float[g.length];
        new NewtonSchulz(NETLIB).orth(g, 0, rows, cols, out, 0);
        double[] in = singularValues(toMatrix(g, rows, cols));
        double norm = NaiveOrth.frobenius(toMatrix(g, rows, cols)) + 1e-7;
        double[] expected = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = in[i] / norm;
            for (int it = 0; it < 5; it++) {
                s = NaiveOrth.A * s + NaiveOrth.B * s * s * s + NaiveOrth.C * s * s * s * s * s;
            }
            expected[i] = s;
        }
        Arrays.sort(expected);
        double[] actual = singularValues(toMatrix(out, rows, cols));
        for (int i = 0; i < rows; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "singular value " + i);
            assertTrue(actual[i] > 0.68 && actual[i] < 1.2, "singular value " + actual[i] + " outside the band");
        }
    }

    @Test
    void transposeCommutesBitForBit() {
        int rows = 20;
        int cols = 45;
        float[] g = gaussian(rows * cols, 3);
        float[] gt = new float[g.length];
        Transpose.transpose(g, 0, rows, cols, gt, 0);
        NewtonSchulz orth = new NewtonSchulz(DETERMINISTIC);
        float[] wide = new float[g.length];
        float[] tall = new float[g.length];
        orth.orth(g, 0, rows, cols, wide, 0);
        orth.orth(gt, 0, cols, rows, tall, 0);
        float[] wideT = new float[g.length];
        Transpose.transpose(wide, 0, rows, cols, wideT, 0);
        assertArrayEquals(wideT, tall, 0f);
    }

    /** Offsets, the output in place of the input, and workspace reuse across shapes. */
    @Test
    void regionsAreRespectedAndResultsRepeat() {
        NewtonSchulz orth = new NewtonSchulz(DETERMINISTIC);
        float[] g = gaussian(12 * 30, 5);
        float[] expected = new float[g.length];
        orth.orth(g, 0, 12, 30, expected, 0);

        float[] big = new float[g.length + 10];
        Arrays.fill(big, 9f);
        System.arraycopy(g, 0, big, 7, g.length);
        orth.orth(gaussian(50 * 40, 1), 0, 50, 40, new float[2000], 0);   // a larger shape in between
        orth.orth(big, 7, 12, 30, big, 7);
        assertArrayEquals(expected, Arrays.copyOfRange(big, 7, 7 + g.length), 0f);
        assertArrayEquals(new float[] {9, 9, 9, 9, 9, 9, 9}, Arrays.copyOf(big, 7), 0f);
        assertArrayEquals(new float[] {9, 9, 9}, Arrays.copyOfRange(big, 7 + g.length, big.length), 0f);
    }

    /** One instance on several threads at once, each on its own tensors: the same bits as one thread. */
    @Test
    void threadsShareOneInstance() throws Exception {
        int rows = 24;
        int cols = 36;
        int tensors = 6;
        float[] in = gaussian(tensors * rows * cols, 9);
        Orthogonalizer orth = new NewtonSchulz(DETERMINISTIC);
        float[] expected = new float[in.length];
        for (int k = 0; k < tensors; k++) {
            orth.orthogonalize(in, expected, k * rows * cols, rows, cols, 1);
        }
        float[] out = new float[in.length];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < tensors; k++) {
                int offset = k * rows * cols;
                done.add(pool.submit(() -> orth.orthogonalize(in, out, offset, rows, cols, 1)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(expected, out, 0f);
    }

    /**
     * Products wider than a panel are one sgemm call per panel, and the calls are the same on
     * one thread as on several (only their order differs): so even a provider whose bits
     * depended on a product's shape gives the same result for any thread count. Here netlib's
     * are compared too.
     */
    @ParameterizedTest(name = "{0} x {1}, panels of {2}")
    @CsvSource({"70, 100, 32", "100, 70, 32", "64, 64, 32", "65, 200, 16", "257, 40, 64", "96, 96, 96", "20, 150, 32"})
    void panelsMakeTheSameCallsAndBitsOnAnyThreadCount(int rows, int cols, int width) {
        float[] g = gaussian(rows * cols, rows * 7L + cols);
        int r = Math.min(rows, cols);
        int panels = (r + width - 1) / width;
        // a thin matrix (one panel of columns) cuts X' along its long rows instead
        int rowPanels = panels > 1 ? 1 : (Math.max(rows, cols) + width - 1) / width;
        List<String> oneCalls = new ArrayList<>();
        float[] one = new float[g.length];
        new NewtonSchulz(recording(oneCalls), width).orth(g, 0, rows, cols, one, 0, 1);
        assertEquals(NewtonSchulz.ITERATIONS * (callsPerIteration(panels) - panels + Math.max(panels, rowPanels)),
                oneCalls.size(), "one call per panel of each product, two for a triangle's panels after the first");
        for (int threads : new int[] {2, 3}) {
            List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
            float[] out = new float[g.length];
            new NewtonSchulz(recording(calls), width).orth(g, 0, rows, cols, out, 0, threads);
            List<String> sorted = new ArrayList<>(calls);
            List<String> expected = new ArrayList<>(oneCalls);
            java.util.Collections.sort(sorted);
            java.util.Collections.sort(expected);
            assertEquals(expected, sorted, threads + " threads");
            assertArrayEquals(one, out, 0f, threads + " threads");
        }
    }

    /**
     * The panels follow the shape alone: one below 256 result columns, two up to 1,024, then
     * about 512 columns each, in multiples of 16; and the default instance makes the same calls
     * and bits on one thread as on three.
     */
    @Test
    void panelsFollowTheShape() {
        assertEquals(1, Panels.panels(255));
        assertEquals(2, Panels.panels(256));
        assertEquals(2, Panels.panels(1024));
        assertEquals(3, Panels.panels(1025));
        assertEquals(8, Panels.panels(4096));
        assertEquals(255, Panels.panelWidth(255));
        assertEquals(128, Panels.panelWidth(256));
        assertEquals(400, Panels.panelWidth(784));
        assertEquals(352, Panels.panelWidth(1031));
        assertEquals(512, Panels.panelWidth(4096));
        List<String> oneCalls = sameCallsAndBitsOnOneAndThreeThreads(300, 310, 5);
        assertEquals(NewtonSchulz.ITERATIONS * callsPerIteration(2), oneCalls.size(), "two panels of 300 columns");
        assertTrue(oneCalls.contains("ssyrk,T,208,310,1.0,0,310,0.0,0,300"), "the first triangle panel: 208 columns");
        assertTrue(oneCalls.contains("T,N,208,92,310,1.0,0,310,64480,310,0.0,62400,300"),
                "the rows above the second panel's diagonal block");
    }

    /**
     * The default instance on a Gaussian {@code rows x cols} matrix makes the same calls on
     * three threads as on one (in another order) and the same bits; returns the one-thread calls.
     */
    private static List<String> sameCallsAndBitsOnOneAndThreeThreads(int rows, int cols, long seed) {
        float[] g = gaussian(rows * cols, seed);
        List<String> oneCalls = new ArrayList<>();
        float[] one = new float[g.length];
        new NewtonSchulz(recording(oneCalls)).orth(g, 0, rows, cols, one, 0, 1);
        List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        float[] three = new float[g.length];
        new NewtonSchulz(recording(calls)).orth(g, 0, rows, cols, three, 0, 3);
        assertEquals(oneCalls.stream().sorted().toList(), calls.stream().sorted().toList());
        assertArrayEquals(one, three, 0f);
        return oneCalls;
    }

    /**
     * Calls per Newton-Schulz iteration with {@code panels} panels: each triangle ({@code A},
     * {@code B}) a symmetric product per panel and a general one above every panel but the
     * first, then one general product per panel for the next iterate.
     */
    private static int callsPerIteration(int panels) {
        return 2 * (2 * panels - 1) + panels;
    }

    /**
     * A deterministic sgemm ({@link #tripleLoop}) and upper-only ssyrk ({@link #syrkLoop})
     * writing down each call's arguments (not the arrays). Not netlib's: its Vector API
     * kernels gave other bits for the same call once the JIT had compiled them, on JDK 25 (a
     * product of 520 x 600 by 600 x 256: the first call against the second), which is the
     * provider's determinism, not the panels'.
     */
    private static Sgemm recording(List<String> calls) {
        return new Sgemm() {
            @Override
            public void sgemm(String ta, String tb, int m, int n, int k, float alpha, float[] a, int oa, int lda,
                              float[] b, int ob, int ldb, float beta, float[] c, int oc, int ldc) {
                calls.add(String.join(",", ta, tb, "" + m, "" + n, "" + k, "" + alpha, "" + oa, "" + lda, "" + ob,
                        "" + ldb, "" + beta, "" + oc, "" + ldc));
                tripleLoop(ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta, c, oc, ldc);
            }

            @Override
            public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int oa, int lda, float beta,
                                   float[] c, int oc, int ldc) {
                calls.add(String.join(",", "ssyrk", trans, "" + n, "" + k, "" + alpha, "" + oa, "" + lda, "" + beta,
                        "" + oc, "" + ldc));
                syrkLoop(trans, n, k, alpha, a, oa, lda, beta, c, oc, ldc);
            }
        };
    }

    /**
     * BLAS {@code ssyrk} with {@code uplo = "U"} from its definition: the upper triangle of
     * {@code alpha * A A^T + beta * C} ({@code "N"}) or {@code alpha * A^T A + beta * C}
     * ({@code "T"}), the lower triangle untouched; each element as {@link #tripleLoop} makes it.
     */
    private static void syrkLoop(String trans, int n, int k, float alpha, float[] a, int offA, int lda,
                                 float beta, float[] c, int offC, int ldc) {
        boolean t = trans.equals("T");
        for (int j = 0; j < n; j++) {
            // column j's rows 0..j: op(A) rows 0..j times op(A) row j
            tripleLoop(t ? "T" : "N", t ? "N" : "T", j + 1, 1, k, alpha, a, offA, lda, a, offA + (t ? j * lda : j), lda,
                    beta, c, offC + j * ldc, ldc);
        }
    }

    /**
     * A thin matrix (smaller side under 256) cuts {@code X'} along its long rows from 2,048 on,
     * in panels of about 1,024 (multiples of 16); the default instance then makes the same
     * calls and bits on one thread as on three.
     */
    @Test
    void thinMatricesCutTheirLongRows() {
        assertEquals(1, Panels.of(200, 2047).rows);
        assertEquals(2, Panels.of(200, 2048).rows);
        assertEquals(1, Panels.of(256, 8192).rows, "two panels of columns: X' by columns");
        assertEquals(8, Panels.of(64, 8192).rows);
        assertEquals(1024, Panels.of(64, 8192).rowWidth);
        assertEquals(1008, Panels.of(100, 3000).rowWidth);
        int rows = 2100;
        int cols = 40;
        List<String> oneCalls = sameCallsAndBitsOnOneAndThreeThreads(rows, cols, 11);
        assertEquals(NewtonSchulz.ITERATIONS * 5, oneCalls.size(), "two triangles, then X' in three row panels");
        assertTrue(oneCalls.contains("N,T,704,40,40,1.0,704,2100,0,40,1.0,704,2100"), "the second row panel");
        float[] g = gaussian(rows * cols, 11);
        float[] one = new float[g.length];
        new NewtonSchulz(DETERMINISTIC).orth(g, 0, rows, cols, one, 0, 2);
        assertClose(NaiveOrth.orth(toMatrix(g, rows, cols)), one, rows, cols);
    }

    /**
     * A symmetric product's panels start at {@code r * sqrt(p / P)} in multiples of 16: about
     * equal work per panel (the triangle's elements up to each boundary), strictly increasing,
     * and every {@code width} columns where the panels are fixed.
     */
    @Test
    void trianglePanelsShareTheWork() {
        assertEquals(176, Panels.of(256, 300).triangleStart(1));
        assertEquals(560, Panels.of(784, 800).triangleStart(1));
        assertEquals(21, Panels.fixed(21, 30, 7).triangleStart(3));
        assertEquals(14, Panels.fixed(21, 30, 7).triangleStart(2));
        for (int r = Panels.TWO_PANELS; r <= 5000; r += 37) {
            int panels = Panels.panels(r);
            double[] work = new double[panels];
            for (int p = 0; p < panels; p++) {
                int j = Panels.of(r, r).triangleStart(p);
                int end = Panels.of(r, r).triangleStart(p + 1);
                assertTrue(end > j, "panel " + p + " of " + r);
                assertEquals(0, j % 16, "a multiple of 16");
                work[p] = (double) j * (end - j) + (double) (end - j) * (end - j) / 2;
            }
            double mean = Arrays.stream(work).average().orElseThrow();
            for (double x : work) {
                assertTrue(Math.abs(x - mean) < 0.12 * mean, "work " + Arrays.toString(work) + " for " + r);
            }
        }
    }

    @Test
    void rejectsBadShapesAndRegions() {
        NewtonSchulz orth = new NewtonSchulz(NETLIB);
        assertThrows(IllegalArgumentException.class, () -> orth.orth(new float[4], 0, 0, 4, new float[4], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> orth.orth(new float[4], 1, 2, 2, new float[4], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> orth.orth(new float[4], 0, 2, 2, new float[3], 0));
    }

    /**
     * A column-major sgemm written from the BLAS definition, to check the calls' arguments
     * independently of netlib; plain Java arithmetic in a fixed order, so also the same bits on
     * every call.
     */
    private static void tripleLoop(String transA, String transB, int m, int n, int k, float alpha,
                                   float[] a, int offA, int lda, float[] b, int offB, int ldb,
                                   float beta, float[] c, int offC, int ldc) {
        boolean ta = transA.equals("T");
        boolean tb = transB.equals("T");
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    double x = ta ? a[offA + l + i * lda] : a[offA + i + l * lda];
                    double y = tb ? b[offB + j + l * ldb] : b[offB + l + j * ldb];
                    s += x * y;
                }
                int at = offC + i + j * ldc;
                c[at] = (float) (alpha * s + (beta == 0 ? 0 : beta * c[at]));
            }
        }
    }

    private static void assertClose(double[][] expected, float[] actual, int rows, int cols) {
        double max = 0;
        double diff = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float v = actual[i * cols + j];
                assertTrue(Float.isFinite(v), "not finite at " + i + "," + j);
                max = Math.max(max, Math.abs(expected[i][j]));
                diff = Math.max(diff, Math.abs(expected[i][j] - v));
            }
        }
        assertTrue(diff <= TOLERANCE * max, "max difference " + diff + " vs largest element " + max);
    }

    /** Singular values of m (rows <= cols), ascending: roots of the eigenvalues of m m^T. */
    private static double[] singularValues(double[][] m) {
        int n = m.length;
        double[][] gram = NaiveOrth.multiply(m, NaiveOrth.transpose(m));
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i + j * n] = gram[i][j];
            }
        }
        double[] eig = new double[n];
        double[] work = new double[3 * n * n];
        intW info = new intW(0);
        JavaLAPACK.getInstance().dsyev("N", "U", n, a, n, eig, work, work.length, info);
        assertEquals(0, info.val, "dsyev failed");
        return Arrays.stream(eig).map(e -> Math.sqrt(Math.max(0, e))).toArray();
    }

    private static double[][] toMatrix(float[] a, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = a[i * cols + j];
            }
        }
        return m;
    }

    private static float[] gaussian(int n, long seed) {
        Random random = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }
}

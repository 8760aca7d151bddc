package org.optjit.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The native and the Java BLAS compute the same products: each element of either result is
 * within {@code k * 2^-22 * sum_p |a_ip| |b_pj|} of the product in double precision (the
 * classical bound for a float dot product of length k is about {@code k * 2^-24} times that
 * sum; 4x slack for blocked summation orders), for every transposition, with offsets,
 * leading dimensions larger than the rows (also far larger, which OpenBlas copies column by
 * column), and beta 0 and 1.
 */
class BlasAgreementTest {

    @ParameterizedTest
    @CsvSource({"N,N,7,5,3,0,0", "N,T,33,17,65,1,0", "T,N,64,40,300,0,0", "T,T,9,70,31,1,0", "N,N,256,64,784,1,0",
            "N,T,1,1,1,0,0",
            // a few rows of long matrices (leading dimensions far past the rows: copied packed)
            "N,T,20,30,16,1,400", "N,T,20,30,16,0,400", "T,N,12,9,40,1,300"})
    void nativeAndJavaAgreeWithDoublePrecision(String ta, String tb, int m, int n, int k, int betaInt, int pad) {
        Blas nat = nativeBlas();
        Blas java = new JavaBlas();
        SplittableRandom r = new SplittableRandom(m * 31L + n * 7L + k);
        boolean tA = ta.equals("T"), tB = tb.equals("T");
        int aRows = tA ? k : m, aCols = tA ? m : k, bRows = tB ? n : k, bCols = tB ? k : n;
        int lda = aRows + 2 + pad, ldb = bRows + 1 + pad, ldc = m + 3 + pad, offa = 5, offb = 3, offc = 7;
        float[] a = random(r, offa + lda * aCols), b = random(r, offb + ldb * bCols), c0 = random(r, offc + ldc * n);
        float alpha = 0.75f, beta = betaInt;
        float[] cn = c0.clone(), cj = c0.clone();
        nat.sgemm(ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, cn, offc, ldc);
        java.sgemm(ta, tb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, cj, offc, ldc);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double exact = beta * (double) c0[offc + j * ldc + i], bound = Math.abs(exact);
                for (int p = 0; p < k; p++) {
                    double x = a[offa + (tA ? i * lda + p : p * lda + i)], y = b[offb + (tB ? p * ldb + j : j * ldb + p)];
                    exact += alpha * x * y;
                    bound += Math.abs(alpha * x * y);
                }
                double tol = (k + 2) * 0x1p-22 * bound + 1e-30;
                int at = offc + j * ldc + i;
                assertEquals(exact, cn[at], tol, "native C(" + i + "," + j + ")");
                assertEquals(exact, cj[at], tol, "Java C(" + i + "," + j + ")");
            }
        }
        // outside the m x n block nothing changes: the offset head and the gaps between columns
        for (int at = 0; at < cn.length; at++) {
            int rel = at - offc;
            boolean inside = rel >= 0 && rel % ldc < m && rel / ldc < n;
            if (!inside) {
                assertEquals(c0[at], cn[at], "native wrote outside C at " + at);
            }
        }
        assertTrue(nat.isNative() && !java.isNative());
    }

    /**
     * {@code ssyrkUpper}: the upper triangle of {@code alpha A A^T + beta C} ({@code N}) or
     * {@code alpha A^T A + beta C} ({@code T}) within the same bound on both libraries, with
     * offsets and leading dimensions, and over more than one of the Java BLAS's column blocks
     * (BlockedSyrk); the strictly lower triangle, the offset head and the gaps between columns
     * keep their values.
     */
    @ParameterizedTest
    @CsvSource({"N,7,3,0", "T,17,65,1", "T,64,300,0", "N,40,31,1", "T,256,784,0", "N,200,50,1", "T,300,20,1", "N,1,1,1"})
    void symmetricProductsAgreeAndLeaveTheLowerTriangle(String trans, int n, int k, int betaInt) {
        Blas nat = nativeBlas();
        Blas java = new JavaBlas();
        SplittableRandom r = new SplittableRandom(n * 13L + k);
        boolean t = trans.equals("T");
        int aRows = t ? k : n, aCols = t ? n : k;
        int lda = aRows + 2, ldc = n + 3, offa = 4, offc = 6;
        float[] a = random(r, offa + lda * aCols), c0 = random(r, offc + ldc * n);
        float alpha = -1.25f, beta = betaInt;
        for (Blas blas : new Blas[] {nat, java}) {
            float[] c = c0.clone();
            blas.ssyrkUpper(trans, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    double exact = beta * (double) c0[offc + j * ldc + i], bound = Math.abs(exact);
                    for (int p = 0; p < k; p++) {
                        double x = a[offa + (t ? i * lda + p : p * lda + i)], y = a[offa + (t ? j * lda + p : p * lda + j)];
                        exact += alpha * x * y;
                        bound += Math.abs(alpha * x * y);
                    }
                    assertEquals(exact, c[offc + j * ldc + i], (k + 2) * 0x1p-22 * bound + 1e-30,
                            blas.describe() + " C(" + i + "," + j + ")");
                }
            }
            for (int at = 0; at < c.length; at++) {
                int rel = at - offc;
                boolean upper = rel >= 0 && rel / ldc < n && rel % ldc <= rel / ldc;
                if (!upper) {
                    assertEquals(c0[at], c[at], blas.describe() + " wrote outside the upper triangle at " + at);
                }
            }
        }
    }

    /** The bundled OpenBLAS, or the test is skipped where it cannot load. */
    private static Blas nativeBlas() {
        try {
            return new OpenBlas(1);
        } catch (LinkageError e) {
            assumeTrue(false, "no native BLAS on this platform: " + e);
            throw e;
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }
}

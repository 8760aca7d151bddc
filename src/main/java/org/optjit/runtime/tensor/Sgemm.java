package org.optjit.runtime.tensor;

import dev.ludovic.netlib.blas.BLAS;

/**
 * A single-precision matrix product, {@code C = alpha * op(A) * op(B) + beta * C}, with the
 * signature of the reference BLAS {@code sgemm} (column-major storage, an offset into each
 * array, leading dimensions), as {@link BLAS#sgemm(String, String, int, int, int, float,
 * float[], int, int, float[], int, int, float, float[], int, int)} declares it; and the
 * symmetric product {@link #ssyrkUpper}, which a provider may do in about half the time.
 *
 * <p>The tensor operations take one of these instead of a BLAS instance so that any provider
 * plugs in: {@code Sgemm.of(BLAS.getInstance())}, a native library behind another interface
 * of the same shape ({@code native::sgemm}), or a test's own loop.
 *
 * <p>Determinism is the provider's part of the contract: the same inputs must give the same
 * bits on every call. A native multi-threaded BLAS may split the inner dimension differently
 * from call to call, and must then run with a fixed thread count (for OpenBLAS, as bundled,
 * one). netlib's Java BLAS uses Vector API kernels from JDK 16 on, and on JDK 25 their bits
 * changed once the JIT had compiled them (the same call gave other last bits the first time
 * than afterwards; not seen on JDK 17): there it is deterministic only once warm.
 */
@FunctionalInterface
public interface Sgemm {

    /**
     * @param transA {@code "N"} or {@code "T"}: {@code op(A)} is {@code A} or its transpose
     * @param transB the same for {@code B}
     * @param m rows of {@code op(A)} and of {@code C}
     * @param n columns of {@code op(B)} and of {@code C}
     * @param k columns of {@code op(A)}, rows of {@code op(B)}
     */
    void sgemm(String transA, String transB, int m, int n, int k,
               float alpha, float[] a, int offA, int lda,
               float[] b, int offB, int ldb,
               float beta, float[] c, int offC, int ldc);

    /**
     * The upper triangle of {@code C = alpha * A * A^T + beta * C} ({@code trans = "N"},
     * {@code A} is {@code n x k}) or of {@code C = alpha * A^T * A + beta * C} ({@code "T"},
     * {@code A} is {@code k x n}): BLAS {@code ssyrk} with {@code uplo = "U"}, which leaves
     * the strictly lower triangle of {@code C} as it was. This default makes the whole
     * {@code n x n} product with one {@link #sgemm} (so it writes the lower triangle too):
     * the same values where {@code ssyrk} defines them, at the cost of a general product.
     */
    default void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offA, int lda,
                            float beta, float[] c, int offC, int ldc) {
        boolean t = trans.equalsIgnoreCase("T");
        sgemm(t ? "T" : "N", t ? "N" : "T", n, n, k, alpha, a, offA, lda, a, offA, lda, beta, c, offC, ldc);
    }

    /**
     * The products of a netlib BLAS instance: its own {@code ssyrk} when it is a native
     * library; netlib's Java BLAS vectorizes {@code sgemm} but not {@code ssyrk} (6x slower
     * than the whole general product, benchmarks/RESULTS.md), so there the default.
     */
    static Sgemm of(BLAS blas) {
        if (!(blas instanceof dev.ludovic.netlib.blas.NativeBLAS)) {
            return blas::sgemm;
        }
        return new Sgemm() {
            @Override
            public void sgemm(String transA, String transB, int m, int n, int k, float alpha, float[] a, int offA,
                              int lda, float[] b, int offB, int ldb, float beta, float[] c, int offC, int ldc) {
                blas.sgemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            }

            @Override
            public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offA, int lda,
                                   float beta, float[] c, int offC, int ldc) {
                blas.ssyrk("U", trans, n, k, alpha, a, offA, lda, beta, c, offC, ldc);
            }
        };
    }
}

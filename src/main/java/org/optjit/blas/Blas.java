package org.optjit.blas;

/**
 * The matrix products optjit uses, in the shape of the reference BLAS: column-major
 * matrices stored in {@code float[]} arrays at an offset, with a leading dimension.
 *
 * <p>The signature is that of {@code dev.ludovic.netlib.blas.BLAS#sgemm}, so code written
 * against netlib's BLAS switches to this interface by changing only the receiver. Which
 * implementation runs is chosen once per process by {@link BlasLibrary}.
 */
public interface Blas {

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} with {@code op(X) = X} for {@code "N"} and
     * {@code X^T} for {@code "T"}; {@code op(A)} is {@code m x k}, {@code op(B)} is
     * {@code k x n}, {@code C} is {@code m x n}. With {@code beta == 0} C is not read.
     */
    void sgemm(String transa, String transb, int m, int n, int k, float alpha, float[] a, int offa, int lda,
               float[] b, int offb, int ldb, float beta, float[] c, int offc, int ldc);

    /**
     * The upper triangle of {@code C = alpha * A * A^T + beta * C} ({@code trans = "N"},
     * {@code A} is {@code n x k}) or of {@code C = alpha * A^T * A + beta * C} ({@code "T"},
     * {@code A} is {@code k x n}): BLAS {@code ssyrk} with {@code uplo = "U"}; the strictly
     * lower triangle of {@code C} is left as it was. With {@code beta == 0} C is not read.
     */
    void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offa, int lda,
                    float beta, float[] c, int offc, int ldc);

    /** Which library this is, e.g. "OpenBLAS 0.3.31 (native, bundled, 1 thread)" or "VectorBLAS (Java)". */
    String describe();

    /** True for a native library, false for one written in Java. */
    boolean isNative();
}

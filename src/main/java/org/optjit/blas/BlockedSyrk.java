package org.optjit.blas;

/**
 * BLAS {@code ssyrk} (upper triangle) made of {@code sgemm} calls, for a library whose
 * {@code sgemm} is much faster than its {@code ssyrk}: netlib's Java BLAS vectorizes
 * {@code sgemm} but not {@code ssyrk}, which took 6x as long as the whole general product
 * (256 x 784: 12.2 against 2.0 ms; benchmarks/RESULTS.md, 2026-12-02). Columns go in blocks
 * of {@link #BLOCK}: the rows above a block's diagonal block are one general product straight
 * into {@code C}; the diagonal block is made whole in a scratch array and only its upper
 * triangle copied, so the strictly lower triangle of {@code C} is never written. About
 * half the flops of the general product, as a true {@code ssyrk}.
 */
final class BlockedSyrk {

    /** Columns per block: large enough for sgemm's speed, small beside the product. */
    static final int BLOCK = 128;

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[BLOCK * BLOCK]);

    private BlockedSyrk() {
    }

    /**
     * The upper triangle of {@code alpha * A A^T + beta * C} ({@code "N"}) or
     * {@code alpha * A^T A + beta * C} ({@code "T"}).
     */
    static void upper(Blas blas, String trans, int n, int k, float alpha, float[] a, int offa, int lda, float beta,
                      float[] c, int offc, int ldc) {
        boolean t = trans.equalsIgnoreCase("T");
        String ta = t ? "T" : "N";
        String tb = t ? "N" : "T";
        float[] d = SCRATCH.get();
        for (int j = 0; j < n; j += BLOCK) {
            int w = Math.min(BLOCK, n - j);
            // op(A)'s rows J start at column j of A ("T") or at row j ("N")
            int offJ = offa + (t ? j * lda : j);
            if (j > 0) {
                blas.sgemm(ta, tb, j, w, k, alpha, a, offa, lda, a, offJ, lda, beta, c, offc + j * ldc, ldc);
            }
            for (int col = 0; col < w; col++) {
                System.arraycopy(c, offc + (j + col) * ldc + j, d, col * w, w);
            }
            blas.sgemm(ta, tb, w, w, k, alpha, a, offJ, lda, a, offJ, lda, beta, d, 0, w);
            for (int col = 0; col < w; col++) {
                System.arraycopy(d, col * w, c, offc + (j + col) * ldc + j, col + 1);
            }
        }
    }
}

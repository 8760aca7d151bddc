package org.optjit.blas;

import dev.ludovic.netlib.blas.BLAS;

/**
 * netlib's pure-Java BLAS ({@code dev.ludovic.netlib.blas.JavaBLAS}: the Vector API
 * implementation on JDK 16+, F2J otherwise). Taken directly, never through
 * {@code BLAS.getInstance()}, which would prefer any system {@code libblas.so.3}.
 */
final class JavaBlas implements Blas {

    private final BLAS blas;

    JavaBlas() {
        NetlibLog.quiet();
        blas = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
    }

    @Override
    public void sgemm(String transa, String transb, int m, int n, int k, float alpha, float[] a, int offa, int lda,
                      float[] b, int offb, int ldb, float beta, float[] c, int offc, int ldc) {
        blas.sgemm(transa, transb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc);
    }

    @Override
    public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offa, int lda,
                           float beta, float[] c, int offc, int ldc) {
        // netlib's own ssyrk is not vectorized: made of its sgemm instead (BlockedSyrk)
        BlockedSyrk.upper(this, trans, n, k, alpha, a, offa, lda, beta, c, offc, ldc);
    }

    @Override
    public String describe() {
        return blas.getClass().getSimpleName() + " (Java)";
    }

    @Override
    public boolean isNative() {
        return false;
    }
}

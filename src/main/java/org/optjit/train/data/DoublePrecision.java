package org.optjit.train.data;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.optjit.blas.NetlibLog;

/**
 * netlib's Java BLAS and LAPACK for the double-precision linear algebra of the preprocessing
 * (the covariance product and the eigendecomposition of {@link Pca}).
 *
 * <p>The Java implementations are taken directly: {@code BLAS.getInstance()} would prefer
 * any system {@code libblas.so.3}, and Debian's reference BLAS is several times slower than
 * the Java one. The float products of the trainer go through {@link org.optjit.blas.BlasLibrary}.
 * netlib's loggers
 * are quieted first ({@link NetlibLog}).
 */
final class DoublePrecision {

    static {
        NetlibLog.quiet();
    }

    private static final BLAS BLAS_INSTANCE = dev.ludovic.netlib.blas.JavaBLAS.getInstance();
    private static final LAPACK LAPACK_INSTANCE = dev.ludovic.netlib.lapack.JavaLAPACK.getInstance();

    private DoublePrecision() {
    }

    static BLAS blas() {
        return BLAS_INSTANCE;
    }

    static LAPACK lapack() {
        return LAPACK_INSTANCE;
    }
}

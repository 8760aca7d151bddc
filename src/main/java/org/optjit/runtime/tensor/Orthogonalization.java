package org.optjit.runtime.tensor;

/**
 * The {@link Orthogonalizer} rules use: {@link NewtonSchulz} on the process's BLAS
 * ({@link org.optjit.blas.BlasLibrary}), made when a rule first needs it (rules without
 * {@code orth} never load a BLAS).
 */
public final class Orthogonalization {

    private Orthogonalization() {
    }

    /** Quintic Newton-Schulz (Muon) on the project's BLAS. */
    public static final Orthogonalizer DEFAULT = (in, out, offset, rows, cols, threads) ->
            Holder.INSTANCE.orthogonalize(in, out, offset, rows, cols, threads);

    private static final class Holder {
        /**
         * The process's BLAS ({@link org.optjit.blas.BlasLibrary}: the bundled OpenBLAS with
         * one thread per call, or netlib's Java BLAS), looked up per product so that a later
         * {@code --blas} choice applies; never a system BLAS.
         */
        static final NewtonSchulz INSTANCE = new NewtonSchulz((ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta, c, oc, ldc)
                -> org.optjit.blas.BlasLibrary.current().sgemm(ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta, c, oc, ldc));
    }
}

package org.optjit.runtime.tensor;

import org.optjit.phase.Plan;

/**
 * The {@link Orthogonalizer} rules use: {@link NewtonSchulz} on the process's BLAS
 * ({@link org.optjit.blas.BlasLibrary}), made when a rule first needs it (rules without
 * {@code orth} never load a BLAS).
 */
public final class Orthogonalization {

    private Orthogonalization() {
    }

    /**
     * The {@code orth}s of level {@code lvl} of tensor {@code t} whose guard holds, from each
     * one's input buffer into its output buffer, with up to {@code threads} threads on each
     * matrix: after the level's passes, for a tensor a thread runs ({@code TensorStep}) or all
     * threads share ({@link SharedTensor}).
     */
    static void atLevel(Orthogonalizer orth, Plan plan, CoarseValues coarse, int lvl, int t, Geometry geo,
                        float[][] orthBuffers, int threads) {
        for (int o = 0; o < plan.orthLevel().length; o++) {
            if (plan.orthLevel()[o] == lvl && coarse.holds(plan.orthGuards().get(o), t)) {
                orth.orthogonalize(orthBuffers[2 * o], orthBuffers[2 * o + 1], geo.offset[t], geo.rows[t],
                        geo.cols[t], threads);
            }
        }
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
        static final NewtonSchulz INSTANCE = new NewtonSchulz(new Sgemm() {
            @Override
            public void sgemm(String ta, String tb, int m, int n, int k, float alpha, float[] a, int oa, int lda,
                              float[] b, int ob, int ldb, float beta, float[] c, int oc, int ldc) {
                org.optjit.blas.BlasLibrary.current().sgemm(ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta,
                        c, oc, ldc);
            }

            @Override
            public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int oa, int lda, float beta,
                                   float[] c, int oc, int ldc) {
                org.optjit.blas.BlasLibrary.current().ssyrkUpper(trans, n, k, alpha, a, oa, lda, beta, c, oc, ldc);
            }
        });
    }
}

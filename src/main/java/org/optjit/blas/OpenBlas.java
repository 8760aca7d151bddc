package org.optjit.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasUpper;

import java.util.Objects;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS as shipped in the {@code org.bytedeco:openblas} jars (its own copy of the
 * library, extracted and loaded by JavaCPP; never a system one).
 *
 * <p>JavaCPP passes a {@code float[]} to native code by copying the whole array in and out
 * (JNI {@code Get/ReleaseFloatArrayElements}), which for a 100,000-float parameter array
 * costs more than a small product. So each call copies only the span of each matrix the
 * product reads or writes into off-heap buffers of the calling thread (column by column
 * when the span is over twice the block, as for a few rows of a long matrix), multiplies
 * there, and copies C back: O(mk + kn + mn) copying against O(mnk) arithmetic.
 *
 * <p>OpenBLAS runs {@link #threads} threads of its own per call. The trainer splits a batch
 * into lanes on its own threads and calls with one OpenBLAS thread each (measured faster on
 * two cores, see benchmarks/RESULTS.md), which also keeps results independent of the
 * thread count.
 */
final class OpenBlas implements Blas {

    /** Off-heap copies of A, B and C for one thread, grown as needed and reused. */
    private static final class Staging {
        FloatPointer a, b, c;

        static FloatPointer fit(FloatPointer p, long n) {
            if (p != null && p.capacity() >= n) {
                return p;
            }
            long size = Math.max(n, p == null ? 0 : 2 * p.capacity());
            if (p != null) {
                p.close();
            }
            return new FloatPointer(Math.max(size, 1));
        }
    }

    private final ThreadLocal<Staging> staging = ThreadLocal.withInitial(Staging::new);
    private final int threads;

    /** Loads the library (throws a {@link LinkageError} when it cannot) and fixes its thread count. */
    OpenBlas(int threads) {
        openblas_nolapack.blas_set_num_threads(threads);
        this.threads = threads;
    }

    @Override
    public void sgemm(String transa, String transb, int m, int n, int k, float alpha, float[] a, int offa, int lda,
                      float[] b, int offb, int ldb, float beta, float[] c, int offc, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        boolean ta = transposed(transa), tb = transposed(transb);
        int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
        Objects.checkFromIndexSize(offa, k == 0 ? 0 : span(aRows, aCols, lda), a.length);
        Objects.checkFromIndexSize(offb, k == 0 ? 0 : span(bRows, bCols, ldb), b.length);
        Objects.checkFromIndexSize(offc, span(m, n, ldc), c.length);
        Staging s = staging.get();
        s.a = Staging.fit(s.a, k == 0 ? 0 : staged(aRows, aCols, lda));
        s.b = Staging.fit(s.b, k == 0 ? 0 : staged(bRows, bCols, ldb));
        s.c = Staging.fit(s.c, staged(m, n, ldc));
        int la = k == 0 ? lda : stageIn(s.a, a, offa, aRows, aCols, lda);
        int lb = k == 0 ? ldb : stageIn(s.b, b, offb, bRows, bCols, ldb);
        // C comes in also when beta == 0 if its span goes across: the gaps between its
        // columns are copied back and must keep their values
        int lc = beta != 0f || (ldc != m && !packs(m, n, ldc)) ? stageIn(s.c, c, offc, m, n, ldc)
                : packs(m, n, ldc) ? m : ldc;
        openblas_nolapack.cblas_sgemm(CblasColMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, s.a.position(0), Math.max(la, 1), s.b.position(0), Math.max(lb, 1), beta,
                s.c.position(0), lc);
        stageOut(s.c, c, offc, m, n, ldc);
    }

    @Override
    public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offa, int lda,
                           float beta, float[] c, int offc, int ldc) {
        if (n == 0) {
            return;
        }
        boolean ta = transposed(trans);
        int aRows = ta ? k : n, aCols = ta ? n : k;
        Objects.checkFromIndexSize(offa, k == 0 ? 0 : span(aRows, aCols, lda), a.length);
        Objects.checkFromIndexSize(offc, span(n, n, ldc), c.length);
        Staging s = staging.get();
        s.a = Staging.fit(s.a, k == 0 ? 0 : staged(aRows, aCols, lda));
        s.c = Staging.fit(s.c, staged(n, n, ldc));
        int la = k == 0 ? lda : stageIn(s.a, a, offa, aRows, aCols, lda);
        // C comes in whole: its lower triangle, and any gaps between columns, go back unchanged
        int lc = stageIn(s.c, c, offc, n, n, ldc);
        openblas_nolapack.cblas_ssyrk(CblasColMajor, CblasUpper, ta ? CblasTrans : CblasNoTrans, n, k, alpha,
                s.a.position(0), Math.max(la, 1), beta, s.c.position(0), lc);
        stageOut(s.c, c, offc, n, n, ldc);
    }

    /**
     * Whether the {@code rows x cols} block with leading dimension {@code ld} is copied
     * column by column (packed, leading dimension {@code rows}) rather than as its span: when
     * the span is over twice the block, as for a few rows of a long matrix (orth's row panels),
     * where copying the span would copy most of the matrix for each call.
     */
    private static boolean packs(int rows, int cols, int ld) {
        return cols > 1 && (long) ld * (cols - 1) + rows > 2L * rows * cols;
    }

    /** Floats the staged copy of the block takes. */
    private static int staged(int rows, int cols, int ld) {
        return packs(rows, cols, ld) ? rows * cols : span(rows, cols, ld);
    }

    /** Copies the block at {@code x[off]} into {@code p}; returns its leading dimension there. */
    private static int stageIn(FloatPointer p, float[] x, int off, int rows, int cols, int ld) {
        if (!packs(rows, cols, ld)) {
            p.position(0).put(x, off, span(rows, cols, ld));
            return ld;
        }
        for (int j = 0; j < cols; j++) {
            p.position((long) j * rows).put(x, off + j * ld, rows);
        }
        return rows;
    }

    /** Copies the block back from {@code p} as {@link #stageIn} put it there. */
    private static void stageOut(FloatPointer p, float[] x, int off, int rows, int cols, int ld) {
        if (!packs(rows, cols, ld)) {
            p.position(0).get(x, off, span(rows, cols, ld));
            return;
        }
        for (int j = 0; j < cols; j++) {
            p.position((long) j * rows).get(x, off + j * ld, rows);
        }
    }

    /** Elements from the first to the last one of a column-major {@code rows x cols} matrix. */
    private static int span(int rows, int cols, int ld) {
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException("leading dimension " + ld + " < rows " + rows);
        }
        return rows == 0 || cols == 0 ? 0 : Math.toIntExact((long) ld * (cols - 1) + rows);
    }

    private static boolean transposed(String t) {
        switch (t) {
            case "N": case "n":
                return false;
            case "T": case "t":
                return true;
            default:
                throw new IllegalArgumentException("transpose must be N or T: " + t);
        }
    }

    @Override
    public String describe() {
        return openblas_nolapack.OPENBLAS_VERSION.trim() + " (native, bundled, "
                + threads + (threads == 1 ? " thread" : " threads") + " per call)";
    }

    @Override
    public boolean isNative() {
        return true;
    }
}

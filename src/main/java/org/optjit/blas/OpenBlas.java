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
 * product reads or writes into off-heap buffers of the calling thread, multiplies there,
 * and copies C's span back: O(mk + kn + mn) copying against O(mnk) arithmetic.
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
        int aSpan = k == 0 ? 0 : span(ta ? k : m, ta ? m : k, lda);
        int bSpan = k == 0 ? 0 : span(tb ? n : k, tb ? k : n, ldb);
        int cSpan = span(m, n, ldc);
        Objects.checkFromIndexSize(offa, aSpan, a.length);
        Objects.checkFromIndexSize(offb, bSpan, b.length);
        Objects.checkFromIndexSize(offc, cSpan, c.length);
        Staging s = staging.get();
        s.a = Staging.fit(s.a, aSpan);
        s.b = Staging.fit(s.b, bSpan);
        s.c = Staging.fit(s.c, cSpan);
        s.a.position(0).put(a, offa, aSpan);
        s.b.position(0).put(b, offb, bSpan);
        // C's span is copied in also when beta == 0 but ldc > m: the gaps between its
        // columns are copied back and must keep their values
        if (beta != 0f || ldc != m) {
            s.c.position(0).put(c, offc, cSpan);
        }
        openblas_nolapack.cblas_sgemm(CblasColMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, s.a.position(0), Math.max(lda, 1), s.b.position(0), Math.max(ldb, 1), beta,
                s.c.position(0), ldc);
        s.c.position(0).get(c, offc, cSpan);
    }

    @Override
    public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int offa, int lda,
                           float beta, float[] c, int offc, int ldc) {
        if (n == 0) {
            return;
        }
        boolean ta = transposed(trans);
        int aSpan = k == 0 ? 0 : span(ta ? k : n, ta ? n : k, lda);
        int cSpan = span(n, n, ldc);
        Objects.checkFromIndexSize(offa, aSpan, a.length);
        Objects.checkFromIndexSize(offc, cSpan, c.length);
        Staging s = staging.get();
        s.a = Staging.fit(s.a, aSpan);
        s.c = Staging.fit(s.c, cSpan);
        s.a.position(0).put(a, offa, aSpan);
        // C comes in whole: its lower triangle, and the gaps between columns, go back unchanged
        s.c.position(0).put(c, offc, cSpan);
        openblas_nolapack.cblas_ssyrk(CblasColMajor, CblasUpper, ta ? CblasTrans : CblasNoTrans, n, k, alpha,
                s.a.position(0), Math.max(lda, 1), beta, s.c.position(0), ldc);
        s.c.position(0).get(c, offc, cSpan);
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

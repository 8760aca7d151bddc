package org.optjit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optjit.runtime.tensor.NewtonSchulz;
import org.optjit.runtime.tensor.Sgemm;
import org.optjit.blas.BlasLibrary;

/**
 * {@code orth} (Muon's Newton-Schulz, {@link NewtonSchulz}) on a {@code rows x cols}
 * matrix, beside the BLAS products it makes, timed alone. The target: orth runs its
 * products at 50% or more of the BLAS sgemm rate.
 *
 * <ul>
 *   <li>{@code orth}: one whole orth, through the project's BLAS ({@link BlasLibrary#current()}: the bundled OpenBLAS, else netlib's Java BLAS).</li>
 *   <li>{@code products}: the same BLAS calls (sgemm and ssyrk, recorded from one orth:
 *       flags, shapes, alpha, beta and leading dimensions) on fixed operands, with nothing
 *       between them. Both do the same flops, so {@code products / orth} is the fraction of
 *       the BLAS's rate that orth's products achieve.</li>
 *   <li>{@code interleaved}: the two alternately, each timed (secondary metrics
 *       {@code orthNanos}, {@code productsNanos}), the robust form of that fraction on a
 *       shared host.</li>
 *   <li>{@code sgemmSquare}: one plain {@code N,N} product of two {@code cols x cols}
 *       matrices, the textbook sgemm rate ({@code 2 cols^3} flops).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class OrthBench {

    /** The time of each of orth and its products alone within one iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long orthNanos;
        public long productsNanos;

        @Setup(Level.Iteration)
        public void clear() {
            orthNanos = 0;
            productsNanos = 0;
        }
    }

    /** One recorded call, without its arrays: an sgemm, or an ssyrk ({@code syrk}; transB, m and ldb unused). */
    private record Call(boolean syrk, String transA, String transB, int m, int n, int k, float alpha, int lda,
                        int ldb, float beta, int ldc) {
    }

    @Param({"512"})
    public int rows;

    @Param({"512"})
    public int cols;

    public float[] input;
    public float[] output;
    public NewtonSchulz orth;
    public List<Call> calls;
    public float[] left;
    public float[] right;
    public float[] result;
    public Sgemm blas;

    @Setup
    public void setUp() {
        org.optjit.blas.Blas library = BlasLibrary.current();
        blas = new Sgemm() {
            @Override
            public void sgemm(String ta, String tb, int m, int n, int k, float alpha, float[] a, int oa, int lda,
                              float[] b, int ob, int ldb, float beta, float[] c, int oc, int ldc) {
                library.sgemm(ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta, c, oc, ldc);
            }

            @Override
            public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int oa, int lda, float beta,
                                   float[] c, int oc, int ldc) {
                library.ssyrkUpper(trans, n, k, alpha, a, oa, lda, beta, c, oc, ldc);
            }
        };
        SplittableRandom random = new SplittableRandom(3);
        input = new float[rows * cols];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        output = new float[input.length];
        orth = new NewtonSchulz(blas);
        calls = new ArrayList<>();
        new NewtonSchulz(new Sgemm() {
            @Override
            public void sgemm(String ta, String tb, int m, int n, int k, float alpha, float[] a, int oa, int lda,
                              float[] b, int ob, int ldb, float beta, float[] c, int oc, int ldc) {
                calls.add(new Call(false, ta, tb, m, n, k, alpha, lda, ldb, beta, ldc));
                blas.sgemm(ta, tb, m, n, k, alpha, a, oa, lda, b, ob, ldb, beta, c, oc, ldc);
            }

            @Override
            public void ssyrkUpper(String trans, int n, int k, float alpha, float[] a, int oa, int lda, float beta,
                                   float[] c, int oc, int ldc) {
                calls.add(new Call(true, trans, "", n, n, k, alpha, lda, 0, beta, ldc));
                blas.ssyrkUpper(trans, n, k, alpha, a, oa, lda, beta, c, oc, ldc);
            }
        }).orth(input, 0, rows, cols, output, 0);
        // operands as large as any call needs, of the size orth's own values have
        int most = Math.max(rows, cols) * Math.max(rows, cols);
        left = new float[most];
        right = new float[most];
        result = new float[most];
        float scale = (float) (1 / Math.sqrt(Math.max(rows, cols)));
        for (int i = 0; i < most; i++) {
            left[i] = (float) random.nextGaussian() * scale;
            right[i] = (float) random.nextGaussian() * scale;
        }
    }

    @Benchmark
    public float[] orth() {
        orth.orth(input, 0, rows, cols, output, 0);
        return output;
    }

    @Benchmark
    public float[] products() {
        for (Call c : calls) {
            if (c.syrk) {
                blas.ssyrkUpper(c.transA, c.n, c.k, c.alpha, left, 0, c.lda, c.beta, result, 0, c.ldc);
            } else {
                blas.sgemm(c.transA, c.transB, c.m, c.n, c.k, c.alpha, left, 0, c.lda, right, 0, c.ldb,
                        c.beta, result, 0, c.ldc);
            }
        }
        return result;
    }

    /**
     * {@link #orth} and {@link #products} alternately, each timed: on a shared host the
     * two then see the same machine, and {@code productsNanos / orthNanos} is the fraction.
     */
    @Benchmark
    public float[] interleaved(Times times) {
        long t0 = System.nanoTime();
        orth();
        long t1 = System.nanoTime();
        products();
        times.orthNanos += t1 - t0;
        times.productsNanos += System.nanoTime() - t1;
        return output;
    }

    @Benchmark
    public float[] sgemmSquare() {
        blas.sgemm("N", "N", cols, cols, cols, 1f, left, 0, cols, right, 0, cols, 0f, result, 0, cols);
        return result;
    }

    /*
     * How to run (from the repository root, after building the jar):
     *   java -jar benchmarks/target/benchmarks.jar OrthBench -f 1 -wi 3 -i 5
     * GFLOP/s of orth = 5 * (4 r^2 c + 2 r^3) / time, r = min(rows, cols), c = max(rows, cols):
     * the flops of general products; the symmetric ones (A = X X^T, A*A) do about half of theirs.
     */
}

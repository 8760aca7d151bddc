package org.optjit.dl4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The machine's sgemm rate for one OpenBLAS: an n^3 product (2n^3 flops) on off-heap
 * buffers, with the thread count given. It runs against whichever
 * {@code org.bytedeco:openblas} is on the class path: Deeplearning4j's (0.3.19) with this
 * project's class path, optjit's (0.3.31) with optjit's jar instead; the library says which
 * in {@code blas=}.
 *
 * <p>Usage: {@code SgemmRate [n] [threads] [reps]}; prints the best and the median GFLOP/s of
 * the timed products after as many untimed ones.
 */
public final class SgemmRate {

    private SgemmRate() {
    }

    /**
     * The version of the OpenBLAS binding on the class path, read by reflection: the field is
     * a compile-time constant, which javac would copy from the version compiled against.
     */
    static String openblasVersion() {
        try {
            return String.valueOf(openblas_nolapack.class.getField("OPENBLAS_VERSION").get(null)).trim();
        } catch (ReflectiveOperationException e) {
            return "OpenBLAS (version unknown)";
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        openblas_nolapack.blas_set_num_threads(threads);
        SplittableRandom r = new SplittableRandom(1);
        float[] host = new float[n * n];
        try (FloatPointer a = new FloatPointer((long) n * n); FloatPointer b = new FloatPointer((long) n * n);
             FloatPointer c = new FloatPointer((long) n * n)) {
            for (FloatPointer p : new FloatPointer[] {a, b}) {
                for (int i = 0; i < host.length; i++) {
                    host[i] = (float) (r.nextDouble() - 0.5);
                }
                p.put(host);
            }
            double[] gflops = new double[reps];
            for (int i = -reps; i < reps; i++) {
                long t0 = System.nanoTime();
                openblas_nolapack.cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f,
                        c, n);
                double s = (System.nanoTime() - t0) / 1e9;
                if (i >= 0) {
                    gflops[i] = 2.0 * n * n * n / s / 1e9;
                }
            }
            Arrays.sort(gflops);
            KeyValue.print("blas", SgemmRate.openblasVersion());
            KeyValue.print("threads", openblas_nolapack.blas_get_num_threads());
            KeyValue.print("n", n);
            KeyValue.print("gflops_best", gflops[reps - 1]);
            KeyValue.print("gflops_median", gflops[reps / 2]);
        }
    }
}

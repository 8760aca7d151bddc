package org.optjit.train.data;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.stream.IntStream;
import org.netlib.util.intW;

/**
 * Principal components of a training set: its mean, and the eigenvectors and eigenvalues of
 * its covariance {@code (1/n) sum (x - mean)(x - mean)^T}, largest eigenvalue first.
 *
 * <p>Statistics are accumulated in double (the covariance of 50,000 images in float would
 * lose the small eigenvalues that whitening divides by), the covariance by BLAS
 * {@code dgemm} over blocks of rows and the eigendecomposition by LAPACK {@code dsyevd}.
 */
final class Pca {

    /** A column whose variance is at most this is treated as constant. */
    static final double ZERO_VARIANCE = 1e-12;
    /** Eigenvalues at most this fraction of the largest are dropped when keeping "all". */
    static final double NEGLIGIBLE = 1e-6;
    /** Rows per dgemm block: bounds the double copy of the data. */
    private static final int BLOCK = 256;
    /** Row parts summed in parallel (a constant, so the sum does not depend on the machine). */
    private static final int PARTS = 2;

    private final double[] mean;
    private final double[] eigenvalues;   // k, descending
    private final double[] eigenvectors;  // column-major d x k: vector c is [c*d, (c+1)*d)
    private final int d;
    private final int k;

    private Pca(double[] mean, double[] eigenvalues, double[] eigenvectors, int d, int k) {
        this.mean = mean;
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
        this.d = d;
        this.k = k;
    }

    static double[] mean(Dataset data) {
        int d = data.inputSize(), n = data.size();
        float[] x = data.inputs();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    static double[] variance(Dataset data, double[] mean) {
        int d = data.inputSize(), n = data.size();
        float[] x = data.inputs();
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = x[i * d + j] - mean[j];
                var[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            var[j] /= n;
        }
        return var;
    }

    /**
     * The covariance, column-major d x d. The rows are split into {@link #PARTS} contiguous
     * parts summed on separate threads and added in part order, so the result does not
     * depend on scheduling. Each block is one {@code dgemm} (twice the flops of
     * {@code dsyrk}, but netlib's Java {@code dgemm} is vectorised and runs faster).
     */
    static double[] covariance(Dataset data, double[] mean) {
        int d = data.inputSize(), n = data.size();
        double[][] parts = IntStream.range(0, PARTS).parallel()
                .mapToObj(p -> covarianceSum(data, mean, (int) ((long) n * p / PARTS),
                        (int) ((long) n * (p + 1) / PARTS)))
                .toArray(double[][]::new);
        double[] cov = parts[0];
        for (int p = 1; p < PARTS; p++) {
            for (int i = 0; i < cov.length; i++) {
                cov[i] += parts[p][i];
            }
        }
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= n;
        }
        return cov;
    }

    /** The sum of (x - mean)(x - mean)^T over rows [from, to). */
    private static double[] covarianceSum(Dataset data, double[] mean, int from, int to) {
        int d = data.inputSize();
        float[] x = data.inputs();
        double[] cov = new double[d * d];
        double[] block = new double[BLOCK * d];
        for (int start = from; start < to; start += BLOCK) {
            int m = Math.min(BLOCK, to - start);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < d; j++) {
                    block[i * d + j] = x[(start + i) * d + j] - mean[j];
                }
            }
            // the block, row-major m x d, is column-major d x m: cov += block block^T
            DoublePrecision.blas().dgemm("N", "T", d, d, m, 1.0, block, d, block, d, 1.0, cov, d);
        }
        return cov;
    }

    /** Fits on {@code data}; keeps {@code components} components (0: all non-negligible). */
    static Pca fit(Dataset data, int components) {
        int d = data.inputSize();
        double[] mean = mean(data);
        double[] a = covariance(data, mean);
        double[] w = new double[d];
        intW info = new intW(0);
        double[] query = new double[1];
        int[] iquery = new int[1];
        LAPACK lapack = DoublePrecision.lapack();
        // divide and conquer: the same decomposition as dsyev, about twice as fast here
        lapack.dsyevd("V", "U", d, a, d, w, query, -1, iquery, -1, info);
        double[] work = new double[Math.max(1, (int) query[0])];
        int[] iwork = new int[Math.max(1, iquery[0])];
        lapack.dsyevd("V", "U", d, a, d, w, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new DataException(data.name() + ": the eigendecomposition of the input covariance"
                    + " did not converge (LAPACK dsyevd info " + info.val + ")");
        }
        // LAPACK sorts ascending; keep the largest first
        double largest = w[d - 1];
        int k = components;
        if (k == 0) {
            while (k < d && w[d - 1 - k] > NEGLIGIBLE * largest && w[d - 1 - k] > ZERO_VARIANCE) {
                k++;
            }
            k = Math.max(k, 1);
        }
        double[] values = new double[k];
        double[] vectors = new double[d * k];
        for (int c = 0; c < k; c++) {
            int src = d - 1 - c;
            values[c] = w[src];
            System.arraycopy(a, src * d, vectors, c * d, d);
        }
        return new Pca(mean, values, vectors, d, k);
    }

    double[] mean() {
        return mean;
    }

    int components() {
        return k;
    }

    double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The projection, row-major d x k: entry (j, c) is component j of eigenvector c, divided
     * by sqrt(eigenvalue c) when whitening. An eigenvalue at or below zero (possible only
     * when more components are asked for than the data has) is not divided by.
     */
    float[] projection(boolean whiten) {
        float[] p = new float[d * k];
        for (int c = 0; c < k; c++) {
            double s = whiten && eigenvalues[c] > ZERO_VARIANCE ? 1.0 / Math.sqrt(eigenvalues[c]) : 1.0;
            for (int j = 0; j < d; j++) {
                p[j * k + c] = (float) (eigenvectors[c * d + j] * s);
            }
        }
        return p;
    }
}

package org.optjit.train.data;

import org.optjit.blas.BlasLibrary;

/**
 * Input preprocessing of lecture 6b, with statistics fitted on the training set only and
 * then applied unchanged to the validation and test sets.
 *
 * <ul>
 *   <li>{@code STANDARDIZE}: shift each input to zero mean and scale it to unit variance.
 *       A column with (numerically) zero variance is only shifted: dividing by its
 *       deviation would blow rounding noise up into a large input.</li>
 *   <li>{@code PCA}: shift to zero mean and rotate onto the eigenvectors of the covariance
 *       (largest eigenvalue first), which decorrelates the inputs.</li>
 *   <li>{@code WHITEN}: PCA, then divide each component by the square root of its
 *       eigenvalue, which turns an elliptical error bowl into a circular one.</li>
 * </ul>
 * PCA and WHITEN keep {@code components} components, or with 0 all components whose
 * eigenvalue exceeds {@link Pca#NEGLIGIBLE} times the largest: the rest carry no signal and
 * would be divided by almost zero when whitening ("drop components with small
 * eigenvalues", 6b). The result then has fewer inputs than the data: build the network for
 * {@link #outputSize()}.
 *
 * <p>For autoencoder data the inputs are also the targets, so preprocessing changes what
 * the network must reconstruct; with a logistic output layer the targets must stay in
 * [0, 1], so use {@code NONE} there.
 */
public final class Preprocessor {

    public enum Mode { NONE, STANDARDIZE, PCA, WHITEN }

    private final Mode mode;
    private final int inputSize;
    private final int outputSize;
    /** NONE: unused; STANDARDIZE: x' = (x - shift) * scale per column. */
    private final float[] shift;
    private final float[] scale;
    /** PCA/WHITEN: x' = x * projection - offset, projection row-major inputSize x outputSize. */
    private final float[] projection;
    private final float[] offset;

    private Preprocessor(Mode mode, int inputSize, int outputSize, float[] shift, float[] scale,
                         float[] projection, float[] offset) {
        this.mode = mode;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.shift = shift;
        this.scale = scale;
        this.projection = projection;
        this.offset = offset;
    }

    /** Fits {@code mode} on {@code train}; {@code components} (PCA, WHITEN): 0 = all useful ones. */
    public static Preprocessor fit(Dataset train, Mode mode, int components) {
        int d = train.inputSize();
        if (components < 0 || components > d) {
            throw new IllegalArgumentException("components must be in [0, " + d + "]: " + components);
        }
        if (train.size() == 0 && mode != Mode.NONE) {
            throw new IllegalArgumentException(train.name() + ": cannot fit " + mode + " on no rows");
        }
        switch (mode) {
            case NONE:
                return new Preprocessor(mode, d, d, null, null, null, null);
            case STANDARDIZE: {
                double[] mean = Pca.mean(train);
                double[] var = Pca.variance(train, mean);
                float[] shift = new float[d], scale = new float[d];
                for (int j = 0; j < d; j++) {
                    shift[j] = (float) mean[j];
                    scale[j] = var[j] > Pca.ZERO_VARIANCE ? (float) (1.0 / Math.sqrt(var[j])) : 1f;
                }
                return new Preprocessor(mode, d, d, shift, scale, null, null);
            }
            case PCA:
            case WHITEN: {
                Pca pca = Pca.fit(train, components);
                float[] projection = pca.projection(mode == Mode.WHITEN);
                int k = pca.components();
                // x' = (x - mean) P = x P - mean P: fold the shift into one offset per output
                float[] offset = new float[k];
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += pca.mean()[j] * projection[j * k + c];
                    }
                    offset[c] = (float) s;
                }
                return new Preprocessor(mode, d, k, null, null, projection, offset);
            }
            default:
                throw new AssertionError(mode);
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The number of inputs after preprocessing (fewer than before for PCA/WHITEN). */
    public int outputSize() {
        return outputSize;
    }

    /** {@code d} transformed with the training-set statistics (a new data set). */
    public Dataset apply(Dataset d) {
        if (d.inputSize() != inputSize) {
            throw new IllegalArgumentException(d.name() + " has " + d.inputSize()
                    + " inputs, the preprocessor was fitted on " + inputSize);
        }
        float[] x = d.inputs();
        int n = d.size();
        switch (mode) {
            case NONE:
                return d;
            case STANDARDIZE: {
                float[] y = new float[x.length];
                for (int i = 0; i < n; i++) {
                    for (int j = 0, o = i * inputSize; j < inputSize; j++) {
                        y[o + j] = (x[o + j] - shift[j]) * scale[j];
                    }
                }
                return d.withInputs(y, inputSize);
            }
            default: {
                float[] y = new float[n * outputSize];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < outputSize; c++) {
                        y[i * outputSize + c] = -offset[c];
                    }
                }
                if (n > 0) {
                    // column-major view: Y^T (k x n) += P^T (k x d) X^T (d x n)
                    BlasLibrary.current().sgemm("N", "N", outputSize, n, inputSize, 1f, projection, 0,
                            outputSize, x, 0, inputSize, 1f, y, 0, outputSize);
                }
                return d.withInputs(y, outputSize);
            }
        }
    }
}

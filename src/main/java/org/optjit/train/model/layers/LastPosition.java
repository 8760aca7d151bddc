package org.optjit.train.model.layers;

/**
 * Keeps only the last of an example's {@code positions} vectors: a causal sequence model's
 * summary of the whole sequence, for classifying it (the answer of {@code a + b =}).
 */
public final class LastPosition extends Layer<Void> {

    private final int width, positions;

    public LastPosition(int width, int positions) {
        super(width * positions, width);
        this.width = width;
        this.positions = positions;
    }

    @Override
    public Void newScratch(int rows) {
        return null;
    }

    @Override
    public void forward(float[] params, float[] x, float[] y, int m, Void s) {
        for (int e = 0; e < m; e++) {
            System.arraycopy(x, (e * positions + positions - 1) * width, y, e * width, width);
        }
    }

    @Override
    public void backward(float[] params, float[] grad, float[] x, float[] y, float[] dy, float[] dx, int m, Void s) {
        if (dx == null) {
            return;
        }
        java.util.Arrays.fill(dx, 0, m * inputSize(), 0f);
        for (int e = 0; e < m; e++) {
            System.arraycopy(dy, e * width, dx, (e * positions + positions - 1) * width, width);
        }
    }

    @Override
    public String describe() {
        return "last position";
    }
}

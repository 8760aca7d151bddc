package org.optjit.train.model;

/**
 * The buffers of one lane, allocated once and reused for every chunk of every batch, so the
 * training loop allocates nothing per step.
 *
 * <p>All matrices are row-major with one row per example of the chunk:
 * {@code act[0]} holds the gathered inputs, {@code act[l]} layer l's outputs (the output
 * layer's logits), {@code delta[l]} dLoss/dz of layer l. The lane's gradient buffer is {@link LanePass}'s.
 */
final class Workspace {

    /** Rows per chunk: bounds the activation memory when a lane has many rows. */
    static final int CHUNK = 256;

    final float[][] act;
    final float[][] delta;
    /** Per-chunk results: the loss sum and the error sum (count or squared error). */
    double lossSum;
    double errorSum;

    Workspace(Layout layout) {
        int layers = layout.layers();
        act = new float[layers + 1][];
        delta = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            act[l] = new float[CHUNK * layout.sizes[l]];
            if (l > 0) {
                delta[l] = new float[CHUNK * layout.sizes[l]];
            }
        }
    }
}

package org.optjit.bench;

import org.optjit.baseline.TensorBaseline;

/** A hand-written rule over tensors ({@link TensorBaseline}) on a fixed layout and thread count. */
final class TensorBaselineStepper implements Stepper {

    private final TensorBaseline baseline;
    private final int[] offsets;
    private final int[] sizes;
    private final int threads;
    private float[][] state;
    private long t;

    TensorBaselineStepper(TensorBaseline baseline, int[] offsets, int[] sizes, int threads) {
        this.baseline = baseline;
        this.offsets = offsets;
        this.sizes = sizes;
        this.threads = threads;
    }

    /** The state starts at 0 (every tensor baseline's initial value). */
    @Override
    public void reset(float[] w) {
        if (state == null || state[0].length != w.length) {
            state = baseline.newState(w);
        }
        for (float[] s : state) {
            java.util.Arrays.fill(s, 0f);
        }
        t = 0;
    }

    @Override
    public void step(float[] w, float[] g) {
        baseline.step(w, g, state, ++t, offsets, sizes, threads);
    }
}

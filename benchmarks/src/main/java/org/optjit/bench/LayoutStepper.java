package org.optjit.bench;

import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/** A compiled rule over tensors through the public API, on a fixed layout, as a user runs it. */
final class LayoutStepper implements Stepper {

    private final Optimizer opt;
    private final Layout layout;
    private OptimizerState state;
    private float[][] initial;

    LayoutStepper(Optimizer opt, Layout layout) {
        this.opt = opt;
        this.layout = layout;
    }

    @Override
    public void reset(float[] w) {
        if (state == null) {
            state = opt.newState(w, layout);
            initial = state.arrays().stream().map(float[]::clone).toArray(float[][]::new);
        }
        for (int k = 0; k < initial.length; k++) {
            System.arraycopy(initial[k], 0, state.arrays().get(k), 0, initial[k].length);
        }
        state.setT(0);
    }

    @Override
    public void step(float[] w, float[] g) {
        opt.step(w, g, state);
    }
}

package org.optjit.train.control;

/** No control: the scale stays 1. */
public final class FixedRate implements RateController {

    @Override
    public double scale() {
        return 1.0;
    }

    @Override
    public Adjustment observe(double validationError) {
        return Adjustment.KEEP;
    }

    @Override
    public RateControllerState state() {
        return RateControllerState.initial();
    }

    @Override
    public void restore(RateControllerState state) {
        // nothing to restore
    }
}

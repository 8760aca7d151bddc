package org.optjit.train.control;

/**
 * Reduce-on-plateau: "towards the end of mini-batch learning it nearly always helps to
 * turn down the learning rate ... do it when the error on a separate validation set stops
 * decreasing" (lecture 6a). Lecture 6b warns not to do it too soon, hence a patience of
 * more than one epoch.
 *
 * <p>An epoch improves on the best validation error when it is lower by more than
 * {@link #MIN_IMPROVEMENT} (absolute, errors are fractions). After {@code patience} epochs
 * without improvement the scale is multiplied by {@code factor} and the count restarts.
 */
public final class PlateauControl implements RateController {

    public static final int DEFAULT_PATIENCE = 2;
    public static final double DEFAULT_FACTOR = 0.5;
    /** Smaller changes than this are noise, not progress. */
    public static final double MIN_IMPROVEMENT = 1e-4;

    private final int patience;
    private final double factor;
    private double scale = 1.0;
    private double best = Double.NaN;
    private int sinceBest;

    public PlateauControl(int patience, double factor) {
        if (patience < 1 || !(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("patience >= 1 and 0 < factor < 1 required");
        }
        this.patience = patience;
        this.factor = factor;
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public Adjustment observe(double error) {
        if (Double.isNaN(best) || error < best - MIN_IMPROVEMENT) {
            best = error;
            sinceBest = 0;
            return Adjustment.KEEP;
        }
        sinceBest++;
        if (sinceBest < patience) {
            return Adjustment.KEEP;
        }
        sinceBest = 0;
        scale *= factor;
        return new Adjustment(Adjustment.Direction.LOWER,
                "validation error has not improved on " + best + " for " + org.optjit.train.Plural.of(patience, "epoch"));
    }

    @Override
    public RateControllerState state() {
        return new RateControllerState(scale, best, sinceBest, new double[0]);
    }

    @Override
    public void restore(RateControllerState s) {
        scale = s.scale();
        best = s.best();
        sinceBest = s.sinceBest();
    }
}

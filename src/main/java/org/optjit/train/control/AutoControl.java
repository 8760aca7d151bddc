package org.optjit.train.control;

import java.util.Arrays;

/**
 * The lecture's automatic adjustment of the learning rate (6a): "if the error keeps getting
 * worse or oscillates wildly, reduce the learning rate; if the error is falling fairly
 * consistently but slowly, increase the learning rate." Made concrete on the validation
 * error of the last {@link #WINDOW} epochs:
 * <ul>
 *   <li>worse: the error rose by more than {@link #JUMP} (relative) in one epoch, or rose
 *       in each of the last two epochs: multiply by {@link #DOWN};</li>
 *   <li>oscillating: the last three changes alternate in sign: multiply by {@link #DOWN};</li>
 *   <li>consistently but slowly falling: the last three changes are all falls and the
 *       error fell by less than {@link #SLOW} (relative) per epoch on average: multiply by
 *       {@link #UP}.</li>
 * </ul>
 * After an adjustment the window is cleared, so that the next decision rests on epochs
 * run at the new rate. The asymmetry (gentle increase, sharp decrease) follows the
 * adaptive gains of lecture 6d.
 */
public final class AutoControl implements RateController {

    public static final int WINDOW = 4;
    public static final double DOWN = 0.5;
    public static final double UP = 1.2;
    public static final double JUMP = 0.05;
    public static final double SLOW = 0.02;

    private double scale = 1.0;
    private double[] recent = new double[0];

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public Adjustment observe(double error) {
        double[] e = Arrays.copyOf(recent, recent.length + 1);
        e[recent.length] = error;
        if (e.length > WINDOW) {
            e = Arrays.copyOfRange(e, e.length - WINDOW, e.length);
        }
        recent = e;
        int n = e.length;
        Adjustment a = Adjustment.KEEP;
        if (n >= 2 && e[n - 1] - e[n - 2] > JUMP * Math.max(e[n - 2], 1e-12)) {
            a = new Adjustment(Adjustment.Direction.LOWER, "validation error jumped from " + e[n - 2] + " to " + e[n - 1]);
        } else if (n >= 3 && e[n - 1] > e[n - 2] && e[n - 2] > e[n - 3]) {
            a = new Adjustment(Adjustment.Direction.LOWER, "validation error rose two epochs in a row");
        } else if (n == WINDOW && alternates(e)) {
            a = new Adjustment(Adjustment.Direction.LOWER, "validation error oscillates");
        } else if (n == WINDOW && allFall(e) && (e[0] - e[n - 1]) / Math.max(e[0], 1e-12) < SLOW * (n - 1)) {
            a = new Adjustment(Adjustment.Direction.RAISE, "validation error falls consistently but slowly");
        }
        if (a.direction() != Adjustment.Direction.KEEP) {
            scale *= a.direction() == Adjustment.Direction.LOWER ? DOWN : UP;
            recent = new double[0];
        }
        return a;
    }

    private static boolean alternates(double[] e) {
        for (int i = 2; i < e.length; i++) {
            double before = e[i - 1] - e[i - 2];
            double now = e[i] - e[i - 1];
            if (!(before * now < 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFall(double[] e) {
        for (int i = 1; i < e.length; i++) {
            if (!(e[i] < e[i - 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public RateControllerState state() {
        return new RateControllerState(scale, Double.NaN, 0, recent);
    }

    @Override
    public void restore(RateControllerState s) {
        scale = s.scale();
        recent = s.recent();
    }
}

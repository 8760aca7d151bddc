package org.optjit.train.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optjit.train.control.RateController.Adjustment.Direction;

/** The controllers on scripted validation-error sequences. */
class RateControlTest {

    private static Direction[] feed(RateController c, double... errors) {
        Direction[] d = new Direction[errors.length];
        for (int i = 0; i < errors.length; i++) {
            d[i] = c.observe(errors[i]).direction();
        }
        return d;
    }

    @Test
    void plateauLowersAfterPatienceEpochsWithoutImprovement() {
        PlateauControl c = new PlateauControl(2, 0.5);
        Direction[] d = feed(c, 0.30, 0.20, 0.21, 0.20, 0.15, 0.16, 0.17);
        assertEquals(Direction.KEEP, d[2]);
        assertEquals(Direction.LOWER, d[3], "two epochs without beating 0.20");
        assertEquals(Direction.KEEP, d[4]);
        assertEquals(Direction.KEEP, d[5]);
        assertEquals(Direction.LOWER, d[6]);
        assertEquals(0.25, c.scale());
    }

    @Test
    void plateauIgnoresNoiseSmallerThanTheMinimumImprovement() {
        PlateauControl c = new PlateauControl(2, 0.5);
        feed(c, 0.2, 0.19999, 0.19998);
        assertEquals(0.5, c.scale());
    }

    @Test
    void autoLowersWhenTheErrorJumps() {
        AutoControl c = new AutoControl();
        Direction[] d = feed(c, 0.5, 0.4, 0.6);
        assertEquals(Direction.LOWER, d[2]);
        assertEquals(AutoControl.DOWN, c.scale());
    }

    @Test
    void autoLowersWhenTheErrorRisesTwiceInARow() {
        AutoControl c = new AutoControl();
        // each rise is below the 5% jump threshold
        Direction[] d = feed(c, 0.500, 0.510, 0.520);
        assertEquals(Direction.KEEP, d[1]);
        assertEquals(Direction.LOWER, d[2]);
    }

    @Test
    void autoLowersWhenTheErrorOscillates() {
        AutoControl c = new AutoControl();
        Direction[] d = feed(c, 0.50, 0.40, 0.41, 0.30);
        assertEquals(Direction.LOWER, d[3]);
    }

    @Test
    void autoRaisesWhenTheErrorFallsConsistentlyButSlowly() {
        AutoControl c = new AutoControl();
        Direction[] d = feed(c, 0.500, 0.499, 0.498, 0.497, 0.496, 0.495, 0.494, 0.493);
        assertEquals(Direction.RAISE, d[3]);
        // the window restarts after an adjustment: the next raise needs four new epochs
        assertEquals(Direction.KEEP, d[4]);
        assertEquals(Direction.RAISE, d[7]);
        assertEquals(AutoControl.UP * AutoControl.UP, c.scale(), 1e-12);
    }

    @Test
    void autoKeepsTheRateWhileTheErrorFallsFast() {
        AutoControl c = new AutoControl();
        feed(c, 0.5, 0.4, 0.3, 0.2, 0.1);
        assertEquals(1.0, c.scale());
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        double[] errors = {0.5, 0.499, 0.498, 0.5, 0.497, 0.52, 0.49, 0.489, 0.488, 0.487};
        for (RateControl kind : RateControl.values()) {
            RateController whole = kind.newController();
            Direction[] expected = feed(whole, errors);
            RateController first = kind.newController();
            Direction[] a = feed(first, java.util.Arrays.copyOf(errors, 4));
            RateController second = kind.newController();
            second.restore(first.state());
            Direction[] b = feed(second, java.util.Arrays.copyOfRange(errors, 4, errors.length));
            for (int i = 0; i < errors.length; i++) {
                assertEquals(expected[i], i < 4 ? a[i] : b[i - 4], kind + " epoch " + i);
            }
            assertEquals(whole.scale(), second.scale(), kind.name());
        }
    }
}

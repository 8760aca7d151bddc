package org.optjit.train.control;

import java.util.Locale;

/** The kinds of learning-rate control a run can use. */
public enum RateControl {
    /** The hyperparameter keeps its value (the rule's own schedule still applies). */
    NONE,
    /** Turn it down when the validation error stops falling (lecture 6a/6b). */
    PLATEAU,
    /** The lecture's automatic adjustment: down when worse or oscillating, up when slow (6a). */
    AUTO;

    /** A fresh controller of this kind with its default settings. */
    public RateController newController() {
        return switch (this) {
            case NONE -> new FixedRate();
            case PLATEAU -> new PlateauControl(PlateauControl.DEFAULT_PATIENCE, PlateauControl.DEFAULT_FACTOR);
            case AUTO -> new AutoControl();
        };
    }

    /** The name used on the command line: none, plateau, auto. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

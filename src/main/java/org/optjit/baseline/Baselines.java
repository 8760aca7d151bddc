package org.optjit.baseline;

import java.util.List;
import java.util.Optional;

/** The hand-written scalar baselines, at the example rules' default hyperparameters. */
public final class Baselines {

    /** One per rule, in the order the benchmarks report them. */
    public static final List<Baseline> SCALAR = List.of(
            Sgd.DEFAULTS, Momentum.DEFAULTS, Nesterov.DEFAULTS, RmsProp.DEFAULTS, Adam.DEFAULTS,
            Rprop.DEFAULTS, AdaptiveGains.DEFAULTS, AdamW.DEFAULTS);

    private Baselines() {
    }

    /** The scalar baseline for the example rule {@code rule} (e.g. "adam"). */
    public static Optional<Baseline> scalar(String rule) {
        return SCALAR.stream().filter(b -> b.rule().equals(rule)).findFirst();
    }

    /** The rule names, in {@link #SCALAR} order. */
    public static List<String> rules() {
        return SCALAR.stream().map(Baseline::rule).toList();
    }
}

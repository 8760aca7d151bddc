package org.optjit.reference;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The reference implementation of each example rule, by the example's file name. */
public final class References {

    private static final Map<String, BiFunction<Hypers, float[], ReferenceRule>> BY_NAME = byName();

    private References() {
    }

    private static Map<String, BiFunction<Hypers, float[], ReferenceRule>> byName() {
        Map<String, BiFunction<Hypers, float[], ReferenceRule>> m = new TreeMap<>();
        m.put("sgd", SgdReference::new);
        m.put("momentum", MomentumReference::new);
        m.put("nesterov", NesterovReference::new);
        m.put("adaptive_gains", AdaptiveGainsReference::new);
        m.put("adaptive_gains_momentum", AdaptiveGainsMomentumReference::new);
        m.put("rprop", RpropReference::new);
        m.put("irprop_minus", IrpropMinusReference::new);
        m.put("rmsprop", RmspropReference::new);
        m.put("rmsprop_momentum", RmspropMomentumReference::new);
        m.put("rmsprop_nesterov", RmspropNesterovReference::new);
        m.put("momentum_schedule", MomentumScheduleReference::new);
        m.put("nag_schedule", NagScheduleReference::new);
        m.put("adagrad", AdagradReference::new);
        m.put("adadelta", AdadeltaReference::new);
        m.put("adam", AdamReference::new);
        m.put("adamw", AdamwReference::new);
        m.put("amsgrad", AmsgradReference::new);
        m.put("adamax", AdamaxReference::new);
        m.put("nadam", NadamReference::new);
        m.put("radam", RadamReference::new);
        m.put("centered_rmsprop", CenteredRmspropReference::new);
        m.put("lion", LionReference::new);
        m.put("powersign", PowersignReference::new);
        m.put("addsign", AddsignReference::new);
        return Map.copyOf(m);
    }

    /** The example names that have a reference, sorted. */
    public static Set<String> names() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }

    /**
     * A fresh reference optimizer for the weights {@code w} (read for the initial state
     * only), with the given hyperparameters and the published defaults for the rest.
     *
     * @throws IllegalArgumentException for an unknown rule or hyperparameter name
     */
    public static ReferenceRule create(String rule, Map<String, Double> hypers, float[] w) {
        BiFunction<Hypers, float[], ReferenceRule> factory = BY_NAME.get(rule);
        if (factory == null) {
            throw new IllegalArgumentException("no reference for rule '" + rule + "'");
        }
        Hypers h = new Hypers(hypers);
        ReferenceRule r = factory.apply(h, w);
        h.requireAllUsed(rule);
        return r;
    }
}

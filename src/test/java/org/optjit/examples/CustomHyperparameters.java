package org.optjit.examples;

import java.util.Map;

/**
 * Non-default hyperparameters for each example, so that the comparison with the references
 * does not only check the defaults: every hyperparameter of every rule is changed, and the
 * clamps are narrowed so that they are hit in a short run.
 */
final class CustomHyperparameters {

    private static final Map<String, Double> ADAM_LIKE = Map.of(
            "lr", 0.01, "beta1", 0.8, "beta2", 0.99, "eps", 1e-6);
    private static final Map<String, Double> GAINS = Map.of(
            "eps", 0.01, "increase", 0.1, "decrease", 0.8, "gain_min", 0.5, "gain_max", 2.0);
    private static final Map<String, Double> RPROP = Map.of(
            "lr", 0.1, "eta_plus", 1.5, "eta_minus", 0.3, "step_min", 1e-3, "step_max", 1.0);

    private static final Map<String, Map<String, Double>> BY_RULE = Map.ofEntries(
            Map.entry("sgd", Map.of("eps", 0.05)),
            Map.entry("momentum", Map.of("eps", 0.01, "mu", 0.5)),
            Map.entry("nesterov", Map.of("eps", 0.01, "mu", 0.99)),
            Map.entry("adaptive_gains", GAINS),
            Map.entry("adaptive_gains_momentum", with(GAINS, "mu", 0.5)),
            Map.entry("rprop", RPROP),
            Map.entry("irprop_minus", RPROP),
            Map.entry("rmsprop", Map.of("eps", 0.01, "decay", 0.99, "delta", 1e-4)),
            Map.entry("rmsprop_momentum", Map.of("eps", 0.01, "decay", 0.99, "delta", 1e-4, "mu", 0.5)),
            Map.entry("rmsprop_nesterov", Map.of("eps", 0.01, "decay", 0.99, "delta", 1e-4, "mu", 0.95)),
            Map.entry("momentum_schedule", Map.of("eps", 0.01, "mu_max", 0.95)),
            Map.entry("nag_schedule", Map.of("eps", 0.01, "mu_max", 0.95)),
            Map.entry("adagrad", Map.of("lr", 0.1, "eps", 1e-6)),
            Map.entry("adadelta", Map.of("lr", 0.5, "rho", 0.95, "eps", 1e-4)),
            Map.entry("adam", ADAM_LIKE),
            Map.entry("adamw", with(ADAM_LIKE, "weight_decay", 0.1)),
            Map.entry("amsgrad", ADAM_LIKE),
            Map.entry("adamax", ADAM_LIKE),
            Map.entry("nadam", ADAM_LIKE),
            Map.entry("radam", ADAM_LIKE),
            Map.entry("centered_rmsprop", Map.of("lr", 0.001, "decay", 0.9, "delta", 1e-4)),
            Map.entry("lion", Map.of("lr", 0.001, "beta1", 0.8, "beta2", 0.95, "weight_decay", 0.5)),
            Map.entry("powersign", Map.of("lr", 0.01, "base", 2.0, "beta", 0.5)),
            Map.entry("addsign", Map.of("lr", 0.01, "alpha", 0.5, "beta", 0.5)));

    private CustomHyperparameters() {
    }

    private static Map<String, Double> with(Map<String, Double> base, String name, double value) {
        java.util.HashMap<String, Double> m = new java.util.HashMap<>(base);
        m.put(name, value);
        return Map.copyOf(m);
    }

    static Map<String, Double> of(String rule) {
        Map<String, Double> m = BY_RULE.get(rule);
        if (m == null) {
            throw new IllegalArgumentException("no custom hyperparameters for " + rule);
        }
        return m;
    }
}

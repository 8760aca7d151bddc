package org.optjit.examples;

import java.util.HashMap;
import java.util.Map;

/**
 * Non-default hyperparameters for each tensor example, so that the comparison with the
 * references checks that every hyperparameter reaches the place it should: every one is
 * changed. A transform's values are only those its chain does not qualify (agc's eps is
 * sgd's too, so it becomes agc.eps; it keeps its default here).
 */
final class TensorCustomHyperparameters {

    private static final Map<String, Double> ADAM_LIKE = Map.of(
            "lr", 0.01, "beta1", 0.8, "beta2", 0.99, "eps", 1e-6);

    private static final Map<String, Map<String, Double>> BY_RULE = Map.ofEntries(
            Map.entry("clip_global_norm", Map.of("max_norm", 0.3)),
            Map.entry("adamw_clipped", with(ADAM_LIKE, "max_norm", 5.0, "weight_decay", 0.1)),
            Map.entry("lars", Map.of("lr", 0.5, "momentum", 0.8, "weight_decay", 1e-3, "eta", 0.01, "eps", 1e-6)),
            Map.entry("lamb", with(ADAM_LIKE, "eps", 1e-4, "weight_decay", 0.1, "warmup", 10.0, "total", 150.0,
                    "power", 2.0)),
            Map.entry("novograd", Map.of("lr", 0.01, "beta1", 0.9, "beta2", 0.5, "eps", 1e-4, "weight_decay", 0.01)),
            Map.entry("adafactor", Map.of("eps1", 1e-20, "eps2", 1e-2, "clip_threshold", 0.5, "decay_rate", 0.5)),
            Map.entry("agc", Map.of("clip_factor", 0.1)),
            Map.entry("cautious_adamw", with(ADAM_LIKE, "eps", 1e-4, "weight_decay", 0.1)),
            Map.entry("prodigy", with(ADAM_LIKE, "lr", 0.5, "weight_decay", 0.01, "d0", 1e-4)),
            Map.entry("dadapt_adam", with(ADAM_LIKE, "lr", 0.5, "weight_decay", 0.01, "d0", 1e-4)),
            Map.entry("schedule_free_adamw", with(ADAM_LIKE, "weight_decay", 0.01)),
            Map.entry("lookahead", with(ADAM_LIKE, "k", 3.0, "alpha", 0.8)),
            Map.entry("ema", with(ADAM_LIKE, "decay", 0.9)),
            Map.entry("adan", Map.of("lr", 0.01, "beta1", 0.9, "beta2", 0.8, "beta3", 0.95, "eps", 1e-6,
                    "weight_decay", 0.1)),
            Map.entry("mars", with(ADAM_LIKE, "beta1", 0.9, "beta2", 0.95, "gamma", 0.1, "weight_decay", 0.01)),
            Map.entry("muon", with(ADAM_LIKE, "lr", 0.05, "mu", 0.9, "weight_decay", 0.1, "adam_lr", 1e-3)),
            Map.entry("adamw_warmup_cosine", with(ADAM_LIKE, "weight_decay", 0.1, "warmup", 10.0, "total", 50.0,
                    "min_ratio", 0.2)));

    private TensorCustomHyperparameters() {
    }

    static Map<String, Double> of(String rule) {
        Map<String, Double> m = BY_RULE.get(rule);
        if (m == null) {
            throw new IllegalArgumentException("no custom hyperparameters for " + rule);
        }
        return m;
    }

    /** {@code base} with the given name-value pairs added or replaced. */
    private static Map<String, Double> with(Map<String, Double> base, Object... pairs) {
        Map<String, Double> m = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return Map.copyOf(m);
    }
}

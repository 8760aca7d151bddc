package org.optjit.reference;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hyperparameter values for a reference implementation: the values a test gives, else the
 * published default each reference states itself (so the example files' defaults are
 * checked against the sources, not copied from them).
 */
public final class Hypers {

    private final Map<String, Double> given;
    private final Set<String> used = new HashSet<>();

    public Hypers(Map<String, Double> given) {
        this.given = Map.copyOf(given);
    }

    /** The given value of {@code name}, else {@code published}. */
    double get(String name, double published) {
        used.add(name);
        return given.getOrDefault(name, published);
    }

    /** Fails when a test gave a value the reference never asked for (a misspelt name). */
    void requireAllUsed(String rule) {
        Set<String> unused = new TreeSet<>(given.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("reference " + rule + " has no hyperparameter " + unused);
        }
    }
}

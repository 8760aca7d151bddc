package org.optjit.reference.tensor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Hyperparameter values for a tensor reference: the values a test gives for every group,
 * the values it gives for one group ({@code Optimizer.set(group, name, value)}), else the
 * published default the reference states itself.
 */
public final class TensorHypers {

    private final Map<String, Double> given;
    private final Map<String, Map<String, Double>> byGroup;
    private final Set<String> used = new HashSet<>();

    /**
     * @param given   values for every group
     * @param byGroup values for one group, by group name; they override {@code given}
     */
    public TensorHypers(Map<String, Double> given, Map<String, Map<String, Double>> byGroup) {
        this.given = Map.copyOf(given);
        this.byGroup = Map.copyOf(byGroup);
    }

    /** The value of {@code name} in {@code group}. */
    double get(String group, String name, double published) {
        used.add(name);
        Map<String, Double> g = byGroup.getOrDefault(group, Map.of());
        return g.getOrDefault(name, given.getOrDefault(name, published));
    }

    /** The value of {@code name} in the group of tensor {@code t}. */
    double get(Tensor t, String name, double published) {
        return get(t.group(), name, published);
    }

    /** The value of {@code name} for each tensor of {@code layout}, by tensor index. */
    double[] perTensor(Layout layout, String name, double published) {
        double[] v = new double[layout.tensors().size()];
        for (Tensor t : layout.tensors()) {
            v[t.index()] = get(t, name, published);
        }
        return v;
    }

    /** Fails when a test gave a value the reference never asked for (a misspelt name). */
    void requireAllUsed(String rule) {
        Set<String> unused = new TreeSet<>(given.keySet());
        byGroup.values().forEach(m -> unused.addAll(m.keySet()));
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("reference " + rule + " has no hyperparameter " + unused);
        }
    }
}

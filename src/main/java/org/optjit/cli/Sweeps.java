package org.optjit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.Rule;

/**
 * {@code compare --sweep NAME=v1,v2,...} (repeatable): a grid over hyperparameter values.
 * {@code lr=...} applies to every rule that has {@code lr}; {@code adam.lr=...} to one
 * rule. Each rule runs once per point of the product of the sweeps that apply to it.
 */
final class Sweeps {

    private Sweeps() {
    }

    /** One sweep as given: the rule label or null, the name, the values. */
    private record Sweep(String text, String label, String name, List<Double> values) {
    }

    /** The grid points of each rule, by label (a single empty point when no sweep applies). */
    static Map<String, List<Map<String, Double>>> grid(List<Rule> rules, List<String> specs,
                                                       Map<String, Map<String, Double>> fixed) {
        List<Sweep> sweeps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String spec : specs) {
            Sweep s = parse(spec);
            if (!seen.add((s.label() == null ? "" : s.label() + ".") + s.name())) {
                throw new UserError("--sweep " + spec + ": '" + s.name() + "' is swept twice");
            }
            sweeps.add(s);
        }
        Map<String, List<Map<String, Double>>> out = new LinkedHashMap<>();
        Set<Sweep> used = new LinkedHashSet<>();
        for (Rule r : rules) {
            String label = RuleHypers.label(rules, r);
            List<Map<String, Double>> points = new ArrayList<>();
            points.add(new LinkedHashMap<>());
            for (Sweep s : sweeps) {
                boolean has = r.hyperparameters().stream().anyMatch(h -> h.name().equals(s.name()));
                if (!has || (s.label() != null && !s.label().equals(label))) {
                    continue;
                }
                if (fixed.getOrDefault(label, Map.of()).containsKey(s.name())) {
                    throw new UserError("--sweep " + s.text() + ": --set also gives '" + s.name() + "' for rule '"
                            + label + "'; give it one way");
                }
                used.add(s);
                List<Map<String, Double>> next = new ArrayList<>();
                for (Map<String, Double> p : points) {
                    for (double v : s.values()) {
                        Map<String, Double> q = new LinkedHashMap<>(p);
                        q.put(s.name(), v);
                        next.add(q);
                    }
                }
                points = next;
            }
            out.put(label, points);
        }
        for (Sweep s : sweeps) {
            if (!used.contains(s)) {
                if (s.label() != null) {
                    RuleHypers.sharedName("--sweep", s.text(), s.label(), rules);
                }
                throw new UserError("--sweep " + s.text() + ": no rule" + (s.label() == null ? "" : " labelled '"
                        + s.label() + "'") + " has a hyperparameter '" + s.name() + "' (rules: "
                        + String.join(", ", out.keySet()) + ")");
            }
        }
        return out;
    }

    private static Sweep parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UserError("--sweep " + spec + ": expected NAME=v1,v2,... e.g. lr=0.001,0.003,0.01");
        }
        String key = spec.substring(0, eq).trim();
        int dot = key.indexOf('.');
        List<Double> values = new ArrayList<>();
        for (String v : spec.substring(eq + 1).split(",")) {
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new UserError("--sweep " + spec + ": '" + v.trim() + "' is not a number");
            }
            if (!Double.isFinite(d)) {
                throw new UserError("--sweep " + spec + ": '" + v.trim() + "' is not a finite number");
            }
            if (values.contains(d)) {
                throw new UserError("--sweep " + spec + ": " + v.trim() + " is given twice");
            }
            values.add(d);
        }
        return new Sweep(spec, dot > 0 ? key.substring(0, dot) : null, dot > 0 ? key.substring(dot + 1) : key, values);
    }
}

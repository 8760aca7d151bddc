package org.optjit.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.Rule;

/**
 * {@code --set} for several rules at once ({@code compare}, {@code trace}): {@code eps=0.01}
 * goes to every rule that has {@code eps}; {@code rmsprop.eps=0.001} only to the rule
 * labelled {@code rmsprop}. A name no rule has is an error, so typos do not pass silently.
 */
final class RuleHypers {

    private RuleHypers() {
    }

    /** A unique label per rule: its name, with the position appended when two rules share a name. */
    static String label(List<Rule> rules, Rule r) {
        long same = rules.stream().filter(o -> o.name().equals(r.name())).count();
        return same == 1 ? r.name() : r.name() + "-" + (rules.indexOf(r) + 1);
    }

    /** The values for each rule, by label. */
    static Map<String, Map<String, Double>> assign(List<Rule> rules, Map<String, Double> values) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            out.put(label(rules, r), new HashMap<>());
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            boolean used = false;
            for (Rule r : rules) {
                String label = label(rules, r);
                if (dot > 0 && !key.substring(0, dot).equals(label)) {
                    continue;
                }
                String name = dot > 0 ? key.substring(dot + 1) : key;
                if (r.hyperparameters().stream().anyMatch(h -> h.name().equals(name))) {
                    out.get(label).put(name, e.getValue());
                    used = true;
                }
            }
            if (!used) {
                throw new UserError("--set " + key + ": no rule has a hyperparameter of that name (rules: "
                        + String.join(", ", out.keySet()) + "; use RULE.NAME=VALUE for one rule)");
            }
        }
        return out;
    }
}

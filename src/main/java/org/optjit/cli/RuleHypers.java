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

    /**
     * When {@code prefix} is the name of several rules (two files called adam.opt), says so
     * and names their labels: the problem is the name, not the hyperparameter.
     */
    static void sharedName(String option, String item, String prefix, List<Rule> rules) {
        List<String> labels = rules.stream().filter(r -> r.name().equals(prefix)).map(r -> label(rules, r)).toList();
        if (labels.size() > 1) {
            throw new UserError(option + " " + item + ": " + labels.size() + " rules are called '" + prefix
                    + "', so '" + prefix + ".' is ambiguous; they are labelled " + String.join(", ", labels)
                    + " (by position): write e.g. " + labels.get(0) + item.substring(prefix.length()));
        }
    }

    /**
     * {@code --hyper} for several rules: {@code lr} for every rule, {@code adam.lr,noisy.alpha}
     * one per rule (a plain name applies to the rules not named otherwise). By label; a rule
     * left out maps to null (its learning rate).
     */
    static Map<String, String> controlled(List<Rule> rules, String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            out.put(label(rules, r), null);
        }
        if (spec == null) {
            return out;
        }
        String plain = null;
        Map<String, String> named = new HashMap<>();
        for (String item : spec.split(",")) {
            String it = item.trim();
            int dot = it.indexOf('.');
            if (dot < 0) {
                if (plain != null) {
                    throw new UserError("--hyper " + spec + ": give one name for all rules, or RULE.NAME for each");
                }
                plain = it;
                continue;
            }
            String label = it.substring(0, dot);
            if (!out.containsKey(label)) {
                sharedName("--hyper", it, label, rules);
                throw new UserError("--hyper " + it + ": no rule is labelled '" + label + "' (rules: "
                        + String.join(", ", out.keySet()) + ")");
            }
            if (named.put(label, it.substring(dot + 1)) != null) {
                throw new UserError("--hyper " + spec + ": rule '" + label + "' is named more than once");
            }
        }
        for (String label : out.keySet()) {
            out.put(label, named.getOrDefault(label, plain));
        }
        return out;
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
            if (!used && dot > 0) {
                sharedName("--set", key, key.substring(0, dot), rules);
            }
            if (!used) {
                throw new UserError("--set " + key + ": no rule has a hyperparameter of that name (rules: "
                        + String.join(", ", out.keySet()) + "; use RULE.NAME=VALUE for one rule)");
            }
        }
        return out;
    }
}

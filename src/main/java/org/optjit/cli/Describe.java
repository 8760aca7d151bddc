package org.optjit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optjit.Rule;

/** Short human descriptions of rules, shared by the commands. */
final class Describe {

    private Describe() {
    }

    /** E.g. {@code hyperparameters: eps=0.001, decay=0.9, delta=1e-8; state: ms}. */
    static String roles(Rule rule) {
        List<String> hypers = new ArrayList<>();
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            hypers.add(h.defaultValue().isPresent() ? h.name() + "=" + number(h.defaultValue().getAsDouble()) : h.name());
        }
        List<String> states = new ArrayList<>();
        for (Rule.StateVariable s : rule.state()) {
            states.add(s.name());
        }
        return "hyperparameters: " + (hypers.isEmpty() ? "none" : String.join(", ", hypers))
                + "; state: " + (states.isEmpty() ? "none" : String.join(", ", states));
    }

    /**
     * A number as a rule would write it, exactly (the shortest decimal that reads back as
     * {@code v}): no trailing ".0" for whole values, and {@code 1e-8} rather than Java's
     * {@code 1.0E-8}.
     */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }
}

package org.optjit.cli;

import java.util.ArrayList;
import java.util.List;
import org.optjit.Rule;
import org.optjit.ast.AstPrinter;

/** Short human descriptions of rules, shared by the commands. */
final class Describe {

    private Describe() {
    }

    /** E.g. {@code hyperparameters: eps=0.001, decay=0.9, delta=1e-8; state: ms}. */
    static String roles(Rule rule) {
        List<String> hypers = new ArrayList<>();
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            hypers.add(h.defaultValue().isPresent() ? h.name() + "=" + AstPrinter.number(h.defaultValue().getAsDouble()) : h.name());
        }
        List<String> states = new ArrayList<>();
        for (Rule.StateVariable s : rule.state()) {
            states.add(s.name());
        }
        return "hyperparameters: " + (hypers.isEmpty() ? "none" : String.join(", ", hypers))
                + "; state: " + (states.isEmpty() ? "none" : String.join(", ", states));
    }
}

package org.optjit.examples;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Rule;

/** Where the example rules live, and loading them while parts of optjit are placeholders. */
final class Examples {

    /** The examples, relative to the project directory (Maven runs tests from there). */
    static final Path DIR = Path.of("examples");

    /** Every example the project promises (issue 2), by file name without ".opt". */
    static final List<String> NAMES = List.of(
            "sgd", "momentum", "nesterov", "adaptive_gains", "adaptive_gains_momentum",
            "rprop", "irprop_minus", "rmsprop", "rmsprop_momentum", "rmsprop_nesterov",
            "momentum_schedule", "nag_schedule", "adagrad", "adadelta", "adam", "adamw",
            "amsgrad", "adamax", "nadam", "radam", "centered_rmsprop", "lion", "powersign",
            "addsign");

    private Examples() {
    }

    static Path path(String name) {
        return DIR.resolve(name + ".opt");
    }

    /** Loads an example; skips the test while the front end is a placeholder. */
    static Rule load(String name) {
        try {
            return Rule.load(path(name));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("front end not implemented yet: " + e.getMessage());
            throw e;
        }
    }

    /** Compiles a rule; skips the test while the backend is a placeholder. */
    static Kernel compile(Rule rule, Backend backend) {
        try {
            return rule.compile(backend);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort(backend + " backend not implemented yet: " + e.getMessage());
            throw e;
        }
    }
}

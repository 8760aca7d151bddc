package org.optjit.examples;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * The examples over tensors (issue 8: reductions, shape values, orth, evaluation weights),
     * by file name. clip_global_norm and agc are transforms: they never assign w and are
     * used in front of a rule that does.
     */
    static final List<String> TENSOR_NAMES = List.of(
            "clip_global_norm", "adamw_clipped", "lars", "lamb", "novograd", "adafactor", "agc",
            "cautious_adamw", "prodigy", "dadapt_adam", "schedule_free_adamw", "lookahead", "ema",
            "adan", "mars", "muon", "adamw_warmup_cosine");

    private Examples() {
    }

    static Path path(String name) {
        return DIR.resolve(name + ".opt");
    }

    static Rule load(String name) {
        return Rule.load(path(name));
    }

    static Kernel compile(Rule rule, Backend backend) {
        return rule.compile(backend);
    }
}

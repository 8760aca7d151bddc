package org.optjit.cli;

import java.util.Map;
import java.util.Optional;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.ast.AstPrinter;
import org.optjit.train.BatchOrder;
import org.optjit.train.TrainConfig;

/**
 * A note when a rule's learning-rate schedule ends before the run does. The examples with a
 * schedule (adamw_warmup_cosine, lamb) give its length in steps as the hyperparameter
 * {@code total}; a run longer than that spends its last steps at the schedule's final rate
 * (0 for both at their defaults), which is seldom what anyone meant.
 */
final class ScheduleHorizon {

    private ScheduleHorizon() {
    }

    /** The steps a run of {@code config} on {@code examples} training examples takes, without early stopping. */
    static long steps(TrainConfig config, int examples) {
        return (long) config.epochs() * new BatchOrder(config.seed(), examples, config.batch()).stepsPerEpoch();
    }

    /** The note for {@code kernel} bound to {@code hypers}, if a {@code total} of it is shorter than {@code steps}. */
    static Optional<String> note(String label, Kernel kernel, Map<String, Double> hypers, long steps) {
        Optimizer o = kernel.bind(hypers);
        for (String name : o.hyperparameterNames()) {
            if ((name.equals("total") || name.endsWith(".total")) && o.get(name) < steps) {
                return Optional.of("note: " + label + "'s schedule ends at step " + AstPrinter.number(o.get(name))
                        + " (" + name + ") but this run takes " + steps + " steps; after it the rate stays where the"
                        + " schedule ends. Use --set " + name + "=" + steps + " to spread it over the run.");
            }
        }
        return Optional.empty();
    }
}

package org.optjit.search.report;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.search.fitness.NetworkWorkload;
import org.optjit.search.fitness.Workload;
import org.optjit.search.space.Vocabulary;
import org.optjit.train.model.Evaluation;

/**
 * Scores rules on the held-out workload, which selection never saw: for each rate of the
 * grid the rule trains on stream 0; the rate with the lowest validation loss (stream 1) is
 * kept, and the test loss and error (stream 2) at that rate are reported. The same protocol
 * for the finalists and for the published rules they are compared with.
 */
public final class HeldOut {

    /** A rule's held-out result; {@code rate} is NaN for a rule without {@code lr}. */
    public record Result(String name, boolean diverged, double rate, double validationLoss, double testLoss,
                         double testError) {
        static Result failed(String name) {
            return new Result(name, true, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    static final int VALIDATION = 1;
    static final int TEST = 2;

    private final NetworkWorkload workload;
    private final List<Double> rates;
    private final int steps;

    public HeldOut(NetworkWorkload workload, List<Double> rates, int steps) {
        this.workload = workload;
        this.rates = List.copyOf(rates);
        this.steps = steps;
    }

    public int steps() {
        return steps;
    }

    public NetworkWorkload workload() {
        return workload;
    }

    /** The results for each (name, source in search form), in order; rules run in parallel. */
    public List<Result> score(List<String> names, List<String> sources) {
        return IntStream.range(0, names.size()).parallel()
                .mapToObj(i -> score(names.get(i), sources.get(i))).toList();
    }

    Result score(String name, String source) {
        Kernel kernel;
        try {
            kernel = Rule.parse(source, name + ".opt").compile(Backend.SCALAR);
        } catch (RuntimeException e) {
            // a RuleException, or the core's failure on a rule it cannot run
            return Result.failed(name);
        }
        boolean tuned = !kernel.rule().hyperparameters().isEmpty();
        double bestRate = Double.NaN;
        double bestValidation = Double.POSITIVE_INFINITY;
        for (double lr : tuned ? rates : List.of(Double.NaN)) {
            Workload.Progress p = workload.train(bind(kernel, tuned, lr), steps);
            if (!p.diverged() && p.finalLoss() < bestValidation) {
                bestValidation = p.finalLoss();
                bestRate = lr;
            }
        }
        if (bestValidation == Double.POSITIVE_INFINITY) {
            return Result.failed(name);
        }
        Evaluation test = workload.trainAndTest(bind(kernel, tuned, bestRate), steps, TEST);
        return new Result(name, false, bestRate, bestValidation, test.loss(), test.error());
    }

    private static org.optjit.Optimizer bind(Kernel kernel, boolean tuned, double lr) {
        return kernel.bind(tuned ? Map.of(Vocabulary.LR, lr) : Map.of()).threads(1);
    }
}

package org.optjit.search.fitness;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.Rule;
import org.optjit.search.space.Vocabulary;

/**
 * How a candidate is scored: the workloads and the learning-rate grid. A small serializable
 * value; the executors run {@link #score} on it. Kernels are SCALAR, bit-identical on every
 * machine (VECTOR's transcendentals may differ in the last bits between CPUs), and every
 * step runs on one thread, so a score never depends on where it was computed.
 */
public record FitnessSpec(List<Workload> workloads, List<Double> rates) implements Serializable {

    public FitnessSpec {
        workloads = List.copyOf(workloads);
        rates = List.copyOf(rates);
    }

    /** Rates 10^from, 10^(from + 1/perDecade), ..., 10^to. */
    public static List<Double> logGrid(int from, int to, int perDecade) {
        List<Double> out = new ArrayList<>();
        for (int i = from * perDecade; i <= to * perDecade; i++) {
            out.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, i / (double) perDecade))));
        }
        return out;
    }

    /** The score of {@code source} after {@code steps} steps on each workload, at the best rate of the grid. */
    public Score score(String source, int steps) {
        Kernel kernel;
        try {
            kernel = Rule.parse(source, "candidate.opt").compile(Backend.SCALAR);
        } catch (RuntimeException e) {
            return Score.failed("compile: " + e.getMessage());
        }
        boolean tuned = !kernel.rule().hyperparameters().isEmpty();
        List<Double> grid = tuned ? rates : List.of(Double.NaN);
        Score best = Score.failed("diverged at every rate");
        for (double lr : grid) {
            Optimizer opt = kernel.bind(tuned ? Map.of(Vocabulary.LR, lr) : Map.of()).threads(1);
            Score s = atRate(opt, lr, steps);
            if (s.fitness() > best.fitness()) {
                best = s;
            }
        }
        return best;
    }

    private Score atRate(Optimizer opt, double lr, int steps) {
        List<Double> decades = new ArrayList<>();
        double sum = 0;
        try {
            for (Workload w : workloads) {
                Workload.Progress p = w.train(opt, steps);
                if (p.diverged()) {
                    return Score.failed("diverged on " + w.name());
                }
                decades.add(p.decades());
                sum += p.decades();
            }
        } catch (RuntimeException e) {
            return Score.failed("failed: " + e);
        }
        return new Score(sum / workloads.size(), lr, decades, null);
    }
}

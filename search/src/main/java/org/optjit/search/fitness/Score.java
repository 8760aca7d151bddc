package org.optjit.search.fitness;

import java.io.Serializable;
import java.util.List;

/**
 * A candidate's fitness at one fidelity: the mean over the workloads of the decades of loss
 * reduction ({@link Workload.Progress#decades}), at the best rate of the grid. Higher is
 * better. A rule that fails to compile, throws, or diverges on some workload at every rate
 * gets {@link #WORST}.
 *
 * @param fitness  the mean decades, or {@link #WORST}
 * @param lr       the rate that gave it (NaN when none did, or the rule has no {@code lr})
 * @param decades  per workload, at that rate (empty for {@link #WORST})
 * @param failure  why the score is {@link #WORST}, or null
 */
public record Score(double fitness, double lr, List<Double> decades, String failure) implements Serializable {

    /** Below every real score (each is at least -3 decades). */
    public static final double WORST = -1000;

    public Score {
        decades = List.copyOf(decades);
    }

    public static Score failed(String why) {
        return new Score(WORST, Double.NaN, List.of(), why);
    }

    public boolean failedToRun() {
        return failure != null;
    }
}

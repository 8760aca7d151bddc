package org.optjit.search.evolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.optjit.search.fitness.Score;

/**
 * Successive halving over a generation (Jamieson and Talwalkar 2016): every child gets the
 * first rung's short run; the best 1/reduction of those go on to a run {@code reduction}
 * times longer, and so on. Promotion looks only at scores and ids, never at completion
 * order, so the result is the same on any number of executors.
 */
final class SuccessiveHalving {

    private final List<Integer> rungSteps;
    private final int reduction;

    SuccessiveHalving(List<Integer> rungSteps, int reduction) {
        this.rungSteps = List.copyOf(rungSteps);
        this.reduction = reduction;
    }

    /** Scores of each source at each rung it reached. */
    List<List<Score>> run(List<String> sources, Evaluator evaluator) {
        List<List<Score>> scores = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            scores.add(new ArrayList<>());
            alive.add(i);
        }
        for (int rung = 0; rung < rungSteps.size() && !alive.isEmpty(); rung++) {
            int steps = rungSteps.get(rung);
            List<Evaluator.Task> tasks = alive.stream().map(i -> new Evaluator.Task(sources.get(i), steps)).toList();
            List<Score> results = evaluator.evaluate(tasks);
            for (int k = 0; k < alive.size(); k++) {
                scores.get(alive.get(k)).add(results.get(k));
            }
            int keep = (alive.size() + reduction - 1) / reduction;
            final int r = rung;
            alive = alive.stream()
                    .filter(i -> !scores.get(i).get(r).failedToRun())
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores.get(i).get(r).fitness())
                            .thenComparingInt(i -> i))
                    .limit(keep).sorted().toList();
        }
        return scores;
    }
}

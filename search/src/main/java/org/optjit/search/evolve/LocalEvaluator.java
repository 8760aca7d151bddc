package org.optjit.search.evolve;

import java.util.List;
import org.optjit.search.fitness.FitnessSpec;
import org.optjit.search.fitness.Score;

/** Scores candidates one after another in this JVM (tests of the driver; no Spark). */
public final class LocalEvaluator implements Evaluator {

    private final FitnessSpec spec;

    public LocalEvaluator(FitnessSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<Score> evaluate(List<Task> tasks) {
        return tasks.stream().map(t -> spec.score(t.source(), t.steps())).toList();
    }

    @Override
    public String describe() {
        return "this JVM, one thread";
    }

    @Override
    public void close() {
    }
}

package org.optjit.search.evolve;

import java.io.Serializable;
import java.util.List;
import org.optjit.search.fitness.Score;

/** Scores candidates: in this JVM, or as Spark tasks. */
public interface Evaluator extends AutoCloseable {

    /** One candidate at one fidelity. */
    record Task(String source, int steps) implements Serializable {
    }

    /** The scores of {@code tasks}, in the same order, whatever order they finish in. */
    List<Score> evaluate(List<Task> tasks);

    /** Where the work runs, for the log. */
    String describe();

    @Override
    void close();
}

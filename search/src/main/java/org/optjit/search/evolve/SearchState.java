package org.optjit.search.evolve;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search after a finished generation: what {@code --resume} continues from.
 *
 * @param generation   the next generation to run
 * @param nextId       the id the next child gets
 * @param evaluated    candidates evaluated so far (the budget's unit)
 * @param rejected     children dropped by the checker, by {@code Rejection.key()}
 * @param population   the living members, oldest first
 * @param best         the best member ever evaluated ({@link Member#BEST_FIRST}), or null
 * @param sourceKeys   hashes of the texts seen (de-duplication)
 * @param irKeys       canonical IRs seen
 * @param behaviours   behavioural fingerprints seen
 * @param history      the best fitness after each generation, for the plot
 * @param seconds      search time so far
 */
public record SearchState(int generation, int nextId, long evaluated, Map<String, Long> rejected,
                          List<Member> population, Member best, List<Long> sourceKeys, List<Long> irKeys, List<Long> behaviours,
                          List<HistoryPoint> history, double seconds) {

    /** The best member after a generation, with the time and evaluations it took to get there. */
    public record HistoryPoint(int generation, long evaluated, double seconds, int rung, double fitness) {
    }

    public SearchState {
        rejected = java.util.Collections.unmodifiableMap(new TreeMap<>(rejected));
        population = List.copyOf(population);
        sourceKeys = List.copyOf(sourceKeys);
        irKeys = List.copyOf(irKeys);
        behaviours = List.copyOf(behaviours);
        history = List.copyOf(history);
    }

    public static SearchState start() {
        return new SearchState(0, 0, 0, Map.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), 0);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}

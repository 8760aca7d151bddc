package org.optjit.search.evolve;

import java.util.Comparator;
import java.util.List;
import org.optjit.search.fitness.Score;

/**
 * An evaluated candidate.
 *
 * @param id         order of birth, from 0
 * @param generation the generation it was born in
 * @param origin     how it was made: a seed's name, "random", or the mutation
 * @param parents    ids of its parents (empty for seeds and random rules)
 * @param source     the rule, in search form
 * @param scores     its score at each rung it reached, in rung order (the last one counts)
 */
public record Member(int id, int generation, String origin, List<Integer> parents, String source, List<Score> scores) {

    public Member {
        parents = List.copyOf(parents);
        scores = List.copyOf(scores);
    }

    public int rung() {
        return scores.size() - 1;
    }

    public Score score() {
        return scores.get(scores.size() - 1);
    }

    public double fitness() {
        return score().fitness();
    }

    /**
     * Better first: a higher rung (a longer, more trusted run; successive halving), then a
     * higher fitness at it, then the elder. A total order, so that no tie depends on
     * anything but the candidates.
     */
    public static final Comparator<Member> BEST_FIRST = Comparator.comparingInt(Member::rung).reversed()
            .thenComparing(Comparator.comparingDouble(Member::fitness).reversed())
            .thenComparingInt(Member::id);
}

package org.optjit.search.evolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.optjit.RuleException;
import org.optjit.ast.Stmt;
import org.optjit.search.check.Checker;
import org.optjit.search.space.Mutator;
import org.optjit.search.space.SearchForm;

/**
 * Makes a generation's children: the seeds and random rules first, then children of
 * tournament winners (regularised evolution) or random rules (random search). Every child
 * goes through the {@link Checker}; rejected ones are counted in {@code rejected} and
 * replaced by new draws.
 */
final class Proposer {

    /** Draws per wanted child before a generation gives up (the space is exhausted). */
    private static final int ATTEMPTS_PER_CHILD = 200;

    private final SearchConfig config;
    private final Mutator mutator;
    private final Checker checker;
    /** The members' trees by their text, parsed once (parents are drawn again and again). */
    private final Map<String, List<Stmt>> trees = new HashMap<>();

    Proposer(SearchConfig config, Mutator mutator, Checker checker) {
        this.config = config;
        this.mutator = mutator;
        this.checker = checker;
    }

    List<Proposal> propose(int generation, List<Member> population, int count, RandomGenerator rng,
                           Map<String, Long> rejected) {
        List<Proposal> out = new ArrayList<>();
        Set<String> members = new HashSet<>();
        population.forEach(m -> members.add(m.source()));
        trees.keySet().retainAll(members);
        if (generation == 0) {
            for (SeedRule s : config.seeds()) {
                if (out.size() < count) {
                    admit(statements(s.source()), s.name(), List.of(), out, rejected);
                }
            }
        }
        for (int attempt = 0; out.size() < count && attempt < count * ATTEMPTS_PER_CHILD; attempt++) {
            if (config.algorithm() == Algorithm.RANDOM || population.isEmpty()) {
                Mutator.Child c = mutator.random(rng);
                admit(c.statements(), c.operator(), List.of(), out, rejected);
            } else if (rng.nextDouble() < config.crossover()) {
                Member a = tournament(population, rng);
                Member b = tournament(population, rng);
                Mutator.Child c = mutator.cross(tree(a), tree(b), rng);
                admit(c.statements(), c.operator(), List.of(a.id(), b.id()), out, rejected);
            } else {
                Member a = tournament(population, rng);
                Mutator.Child c = mutator.mutate(tree(a), rng);
                admit(c.statements(), c.operator(), List.of(a.id()), out, rejected);
            }
        }
        return out;
    }

    /** The best of {@code tournament} members drawn without replacement. */
    private Member tournament(List<Member> population, RandomGenerator rng) {
        int n = population.size();
        int k = Math.min(config.tournament(), n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Member best = null;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            Member m = population.get(idx[i]);
            if (best == null || Member.BEST_FIRST.compare(m, best) < 0) {
                best = m;
            }
        }
        return best;
    }

    private void admit(List<Stmt> child, String origin, List<Integer> parents, List<Proposal> out,
                       Map<String, Long> rejected) {
        Checker.Outcome o = checker.check(child);
        if (o.accepted()) {
            out.add(new Proposal(o.source(), origin, parents));
        } else {
            rejected.merge(o.rejection().key(), 1L, Long::sum);
        }
    }

    private List<Stmt> tree(Member m) {
        return trees.computeIfAbsent(m.source(), Proposer::statements);
    }

    private static List<Stmt> statements(String source) {
        try {
            return org.optjit.syntax.RuleParser.parse(source, "candidate.opt").statements();
        } catch (RuleException e) {
            // a member passed the checker, so its text parses; kept for safety
            return SearchForm.canonical(List.of());
        }
    }
}

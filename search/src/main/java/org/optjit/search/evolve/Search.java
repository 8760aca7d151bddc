package org.optjit.search.evolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optjit.search.check.Checker;
import org.optjit.search.check.Dedup;
import org.optjit.search.fitness.Score;
import org.optjit.search.space.Mutator;
import org.optjit.search.space.Vocabulary;
import org.optjit.train.Rng;

/**
 * The driver's loop, generation by generation: propose and check children (generation
 * {@code k} draws only from random stream {@code k} of the seed), evaluate them with
 * successive halving, update the population, and save the generation. Nothing depends on
 * which executor ran a task or when it finished, so a budget in evaluations gives the same
 * search on any cluster, and resuming from a saved generation gives the same rest.
 */
public final class Search {

    /** Told after each saved generation (the progress bar; tests stop a search here). */
    public interface Listener {
        void generationSaved(SearchState state, List<Member> born);
    }

    private final SearchConfig config;
    private final Evaluator evaluator;
    private final SearchStore store;
    private final Listener listener;

    public Search(SearchConfig config, Evaluator evaluator, SearchStore store, Listener listener) {
        this.config = config;
        this.evaluator = evaluator;
        this.store = store;
        this.listener = listener;
    }

    /** Runs generations from {@code state} until the budget is spent or no new child can be found. */
    public SearchState run(SearchState state) {
        Checker checker = new Checker(Dedup.of(state.sourceKeys(), state.irKeys(), state.behaviours()));
        Proposer proposer = new Proposer(config, new Mutator(Vocabulary.ofLanguage()), checker);
        SuccessiveHalving halving = new SuccessiveHalving(config.rungSteps(), config.reduction());
        while (!config.budget().exhausted(state.evaluated(), state.seconds())) {
            long start = System.nanoTime();
            int g = state.generation();
            int count = (int) Math.min(config.generationSize(), config.budget().evaluationsLeft(state.evaluated()));
            Map<String, Long> rejected = new TreeMap<>(state.rejected());
            List<Proposal> children = proposer.propose(g, state.population(), count, Rng.stream(config.seed(), g), rejected);
            if (children.isEmpty()) {
                break;
            }
            List<List<Score>> scores = halving.run(children.stream().map(Proposal::source).toList(), evaluator);
            List<Member> born = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Proposal p = children.get(i);
                born.add(new Member(state.nextId() + i, g, p.origin(), p.parents(), p.source(), scores.get(i)));
            }
            state = next(state, born, rejected, checker.dedup(), (System.nanoTime() - start) / 1e9);
            store.saveGeneration(g, born);
            store.saveState(config, state);
            listener.generationSaved(state, born);
        }
        return state;
    }

    private SearchState next(SearchState s, List<Member> born, Map<String, Long> rejected, Dedup dedup, double seconds) {
        List<Member> population = new ArrayList<>(s.population());
        population.addAll(born);
        if (config.algorithm() == Algorithm.EVOLUTION) {
            // regularised evolution: the oldest die
            while (population.size() > config.population()) {
                population.remove(0);
            }
        } else {
            population.sort(Member.BEST_FIRST);
            population = new ArrayList<>(population.subList(0, Math.min(config.population(), population.size())));
            population.sort(java.util.Comparator.comparingInt(Member::id));
        }
        Member best = s.best();
        for (Member m : born) {
            if (best == null || Member.BEST_FIRST.compare(m, best) < 0) {
                best = m;
            }
        }
        double total = s.seconds() + seconds;
        List<SearchState.HistoryPoint> history = new ArrayList<>(s.history());
        history.add(new SearchState.HistoryPoint(s.generation(), s.evaluated() + born.size(), total, best.rung(),
                best.fitness()));
        return new SearchState(s.generation() + 1, s.nextId() + born.size(), s.evaluated() + born.size(), rejected,
                population, best, dedup.sourceKeys(), dedup.irKeys(), dedup.behaviourKeys(), history, total);
    }
}

package org.optjit.search.evolve;

import java.util.List;
import org.optjit.search.fitness.FitnessSpec;
import org.optjit.search.fitness.Workloads;

/**
 * Everything that decides a search, saved with it so that {@code --resume} continues the
 * same search.
 *
 * @param seed           decides every random choice (generation {@code k} draws from stream {@code k})
 * @param budget         evaluations or a duration
 * @param algorithm      regularised evolution or random search
 * @param population     members kept (Real et al. 2019's P)
 * @param generationSize children evaluated together (one Spark job per rung)
 * @param tournament     members sampled to choose a parent (Real et al.'s S)
 * @param crossover      probability that a child has two parents
 * @param rungSteps      training steps per workload at each rung of successive halving
 * @param reduction      1/reduction of a rung's candidates go on to the next (Jamieson and
 *                       Talwalkar 2016; Li et al. 2018, Hyperband's eta)
 * @param proxies        the proxy workload set: "default" or "bowl"
 * @param seeds          the starting rules, in search form
 */
public record SearchConfig(long seed, Budget budget, Algorithm algorithm, int population, int generationSize,
                           int tournament, double crossover, List<Integer> rungSteps, int reduction,
                           String proxies, List<SeedRule> seeds) {

    public SearchConfig {
        rungSteps = List.copyOf(rungSteps);
        seeds = List.copyOf(seeds);
        if (population < 2 || generationSize < 1 || tournament < 1 || reduction < 2 || rungSteps.isEmpty()) {
            throw new IllegalArgumentException("population >= 2, generation >= 1, tournament >= 1, reduction >= 2 and "
                    + "at least one rung required");
        }
    }

    /** The defaults of {@code optjit search}. */
    public static SearchConfig defaults(long seed, Budget budget, List<SeedRule> seeds) {
        return new SearchConfig(seed, budget, Algorithm.EVOLUTION, 64, 32, 8, 0.25, List.of(30, 90, 270), 3,
                "default", seeds);
    }

    public SearchConfig withAlgorithm(Algorithm a) {
        return new SearchConfig(seed, budget, a, population, generationSize, tournament, crossover, rungSteps,
                reduction, proxies, seeds);
    }

    public SearchConfig withShape(int population, int generationSize, int tournament, List<Integer> rungSteps,
                                  String proxies) {
        return new SearchConfig(seed, budget, algorithm, population, generationSize, tournament, crossover, rungSteps,
                reduction, proxies, seeds);
    }

    public FitnessSpec fitness() {
        return switch (proxies) {
            case "default" -> new FitnessSpec(Workloads.proxies(), Workloads.proxyRates());
            case "bowl" -> new FitnessSpec(Workloads.bowlOnly(), Workloads.proxyRates());
            default -> throw new IllegalArgumentException("unknown proxy set '" + proxies + "' (default, bowl)");
        };
    }
}

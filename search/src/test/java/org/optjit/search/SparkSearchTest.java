package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.search.evolve.Budget;
import org.optjit.search.evolve.Evaluator;
import org.optjit.search.evolve.LocalEvaluator;
import org.optjit.search.evolve.Member;
import org.optjit.search.evolve.Search;
import org.optjit.search.evolve.SearchConfig;
import org.optjit.search.evolve.SearchState;
import org.optjit.search.evolve.SearchStore;
import org.optjit.search.fitness.Score;
import org.optjit.search.spark.SparkEvaluator;

/**
 * Searches on Spark's local mode. One Spark context is alive at a time (Spark allows one per
 * JVM); it is kept across tests and replaced only when a test needs another master.
 */
class SparkSearchTest {

    private static JavaSparkContext spark;

    static JavaSparkContext spark(String master) {
        if (spark != null && !spark.master().equals(master)) {
            spark.stop();
            spark = null;
        }
        if (spark == null) {
            spark = SparkEvaluator.connect(master);
        }
        return spark;
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /** A small search: 40 candidates, generations of 8, rungs of 10 and 30 steps. */
    static SearchConfig small(long seed) {
        return SearchConfig.defaults(seed, new Budget(Budget.Kind.EVALUATIONS, 40), TestRules.seeds("sgd", "momentum", "adam"))
                .withShape(16, 8, 4, List.of(10, 30), "default");
    }

    private static SearchState run(SearchConfig config, Evaluator evaluator, Path dir, Search.Listener listener) {
        return new Search(config, evaluator, new SearchStore(dir), listener).run(SearchState.start());
    }

    private static String jsonl(Path dir) throws IOException {
        return Files.readString(new SearchStore(dir).writeEvaluated());
    }

    @Test
    void aSeededSearchIsTheSameOnOneOrTwoExecutorsAndInThisJvm(@TempDir Path tmp) throws IOException {
        SearchConfig config = small(5);
        SearchState one = run(config, new SparkEvaluator(spark("local[1]"), config.fitness()), tmp.resolve("one"), (s, b) -> { });
        SearchState two = run(config, new SparkEvaluator(spark("local[2]"), config.fitness()), tmp.resolve("two"), (s, b) -> { });
        SearchState local = run(config, new LocalEvaluator(config.fitness()), tmp.resolve("local"), (s, b) -> { });
        assertEquals(40, one.evaluated());
        String expected = jsonl(tmp.resolve("one"));
        assertEquals(40, expected.lines().count());
        assertEquals(expected, jsonl(tmp.resolve("two")));
        assertEquals(expected, jsonl(tmp.resolve("local")));
        assertEquals(one.population(), two.population());
        assertEquals(one.best(), local.best());
        // and another seed searches differently
        run(small(6), new SparkEvaluator(spark("local[2]"), config.fitness()), tmp.resolve("other"), (s, b) -> { });
        assertFalse(expected.equals(jsonl(tmp.resolve("other"))));
    }

    /** A kill after generation 2 was saved (and one in the middle of generation 3's writes) resumes to the same end. */
    @Test
    void aKilledSearchResumesToTheSameEndAsAnUninterruptedOne(@TempDir Path tmp) throws IOException {
        SearchConfig config = small(9);
        Evaluator evaluator = new SparkEvaluator(spark("local[2]"), config.fitness());
        SearchState whole = run(config, evaluator, tmp.resolve("whole"), (s, b) -> { });

        Path killed = tmp.resolve("killed");
        class Kill extends RuntimeException {
        }
        assertThrows(Kill.class, () -> run(config, evaluator, killed, (s, b) -> {
            if (s.generation() == 2) {
                throw new Kill();
            }
        }));
        // generation 2's records written, but not yet the state that names them
        Path partial = killed.resolve(SearchStore.GENERATIONS).resolve("gen-000002.jsonl");
        Files.writeString(partial, "{\"torn\": true\n");

        SearchStore store = new SearchStore(killed);
        SearchStore.Saved saved = store.load();
        assertEquals(2, saved.state().generation());
        assertEquals(config, saved.config());
        store.dropGenerationsFrom(saved.state().generation());
        SearchState resumed = new Search(saved.config(), evaluator, store, (s, b) -> { }).run(saved.state());

        assertEquals(jsonl(tmp.resolve("whole")), jsonl(killed));
        assertEquals(whole.population(), resumed.population());
        assertEquals(whole.best(), resumed.best());
        assertEquals(whole.rejected(), resumed.rejected());
        assertEquals(whole.irKeys(), resumed.irKeys());
    }

    @Test
    void aTinySearchFindsARuleThatBeatsItsSgdSeedOnAQuadratic(@TempDir Path tmp) {
        SearchConfig config = SearchConfig.defaults(3, new Budget(Budget.Kind.EVALUATIONS, 64), TestRules.seeds("sgd"))
                .withShape(16, 16, 4, List.of(20, 60), "bowl");
        SearchState end = run(config, new SparkEvaluator(spark("local[2]"), config.fitness()), tmp, (s, b) -> { });
        Member best = end.best();
        Score sgd = config.fitness().score(TestRules.seed("sgd").source(), config.rungSteps().get(best.rung()));
        assertFalse(best.source().equals(TestRules.seed("sgd").source()));
        assertTrue(best.fitness() > sgd.fitness() + 0.1,
                "best " + best.fitness() + " vs sgd " + sgd.fitness() + ":\n" + best.source());
    }
}

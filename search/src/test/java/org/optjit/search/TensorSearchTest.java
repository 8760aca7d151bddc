package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Rule;
import org.optjit.search.evolve.Budget;
import org.optjit.search.evolve.LocalEvaluator;
import org.optjit.search.evolve.Member;
import org.optjit.search.evolve.Search;
import org.optjit.search.evolve.SearchConfig;
import org.optjit.search.evolve.SearchState;
import org.optjit.search.evolve.SearchStore;
import org.optjit.search.fitness.FitnessSpec;
import org.optjit.search.fitness.Score;
import org.optjit.search.fitness.Workload;
import org.optjit.search.fitness.Workloads;

/** Rules over tensors in the search: reductions, shape values and coarse states on multi-tensor proxies. */
class TensorSearchTest {

    private static final Pattern SCOPED = Pattern.compile("\\b(sum|mean|norm|rms|max|min)\\[(tensor|all|row|col)\\]\\(");
    private static final Pattern COARSE_STATE = Pattern.compile("(?m)^state s\\d+: (tensor|all|row|col)$");
    private static final Pattern SHAPE_VALUE = Pattern.compile("\\b(rows|cols|size|ndim)\\b");

    /** The proxies are tensors of several shapes, so a reduction's scope and a shape value change the score. */
    @Test
    void theProxiesHaveLayoutsWhereScopesAndShapesMatter() {
        for (Workload w : Workloads.proxies()) {
            FitnessSpec one = new FitnessSpec(List.of(w), List.of(0.01));
            double tensor = one.score("w -= lr * g / (norm(g) + 1e-8)\n", 20).fitness();
            double row = one.score("w -= lr * g / (norm[row](g) + 1e-8)\n", 20).fitness();
            double all = one.score("w -= lr * g / (norm[all](g) + 1e-8)\n", 20).fitness();
            double shaped = one.score("w -= lr * (ndim == 1 ? 2 : 1) * g / (norm[all](g) + 1e-8)\n", 20).fitness();
            assertTrue(tensor > Score.WORST && row > Score.WORST && all > Score.WORST, w.name());
            assertNotEquals(tensor, row, w.name());
            if (!w.name().equals("rosenbrock")) {
                // Rosenbrock's valleys are one matrix: there [all] is [tensor], and ndim is 2
                assertNotEquals(tensor, all, w.name());
                assertNotEquals(all, shaped, w.name());
            }
        }
    }

    /** A seeded search from element-wise seeds makes, checks and scores rules over tensors of every kind. */
    @Test
    void aSearchProducesAndEvaluatesRulesWithReductionsShapesAndCoarseStates(@TempDir Path tmp) throws IOException {
        SearchConfig config = SearchConfig.defaults(4, new Budget(Budget.Kind.EVALUATIONS, 96), TestRules.seeds("sgd", "adam"))
                .withShape(32, 16, 4, List.of(10, 30), "default");
        new Search(config, new LocalEvaluator(config.fitness()), new SearchStore(tmp), (s, b) -> { }).run(SearchState.start());
        List<Member> evaluated = new SearchStore(tmp).readEvaluated();
        assertEquals(96, evaluated.size());
        int scoped = 0;
        int coarse = 0;
        int shapes = 0;
        for (Member m : evaluated) {
            boolean tensorRule = SCOPED.matcher(m.source()).find() || COARSE_STATE.matcher(m.source()).find();
            if (!tensorRule) {
                continue;
            }
            // valid and compiled as a rule over tensors (passes split at its reductions)
            assertFalse(Rule.parse(m.source()).program().elementWise(), m.source());
            Rule.parse(m.source()).compile(Backend.SCALAR);
            if (m.score().failedToRun()) {
                continue;
            }
            scoped += SCOPED.matcher(m.source()).find() ? 1 : 0;
            coarse += COARSE_STATE.matcher(m.source()).find() ? 1 : 0;
            shapes += SHAPE_VALUE.matcher(m.source()).find() ? 1 : 0;
        }
        assertTrue(scoped >= 5 && coarse >= 2 && shapes >= 2,
                "scored rules with scoped reductions " + scoped + ", coarse states " + coarse + ", shape values " + shapes);
    }
}

package org.optjit.search.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.optjit.ast.AstPrinter;
import org.optjit.search.evolve.Algorithm;
import org.optjit.search.evolve.Budget;
import org.optjit.search.evolve.SearchConfig;
import org.optjit.search.evolve.SearchState;
import org.optjit.search.evolve.SearchStore;
import org.optjit.search.evolve.SeedRule;
import org.optjit.search.space.SearchForm;
import org.optjit.search.spark.ClusterException;
import org.optjit.search.spark.SparkEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "optjit search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches for update rules: regularised evolution (or random search) over rules of the "
                + "language, scored on small proxy workloads with successive halving and a tuned rate, evaluated "
                + "as Spark tasks. The finalists are scored on a held-out workload beside sgd, momentum, adam and lion.",
                "",
                "Writes under --out: evaluated.jsonl (every candidate and its scores), top/rank-K.opt, heldout.md, "
                + "best-fitness.png, and search.json with generations/ (the saved state that --resume continues)."})
public final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE", description = "starting rules (.opt); default: sgd, momentum and adam of the examples")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "BUDGET",
            description = "candidate evaluations (2000; reproducible for a seed) or a duration (90s, 10m, 2h)")
    String budget;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "search-results", description = "result directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*] (embedded, the default), local[N], spark://host:7077, ...")
    String master;

    @Option(names = "--seed", defaultValue = "1", description = "decides the whole search (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--algorithm", defaultValue = "evolution", description = "evolution (regularised) or random (default: ${DEFAULT-VALUE})")
    Algorithm algorithm;

    @Option(names = "--population", defaultValue = "64", description = "population size (default: ${DEFAULT-VALUE})")
    int population;

    @Option(names = "--generation", defaultValue = "32", description = "children per generation (default: ${DEFAULT-VALUE})")
    int generation;

    @Option(names = "--top", defaultValue = "5", description = "finalists scored on the held-out workload (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--resume", description = "continue the search saved under --out (its settings are kept)")
    boolean resume;

    @Option(names = "--examples", paramLabel = "DIR", description = "where sgd.opt, momentum.opt, adam.opt and lion.opt are "
            + "(default: the examples beside bin/optjit)")
    Path examples;

    @Override
    public Integer call() throws IOException {
        PrintStream stdout = System.out;
        SearchStore store = new SearchStore(out);
        SearchConfig config;
        SearchState state;
        if (resume) {
            if (!store.exists()) {
                throw new UserError("optjit search: --resume: " + out + " holds no search (no " + SearchStore.STATE_FILE + ")");
            }
            if (!rules.isEmpty() || budget != null) {
                throw new UserError("optjit search: --resume continues the search saved under --out with its own "
                        + "rules and budget; give only --out (and --master)");
            }
            SearchStore.Saved saved = store.load();
            config = saved.config();
            state = saved.state();
            store.dropGenerationsFrom(state.generation());
            stdout.printf(Locale.ROOT, "resuming at generation %d (%d candidates evaluated)%n", state.generation(), state.evaluated());
        } else {
            if (budget == null) {
                throw new UserError("optjit search: --budget is required (e.g. --budget 2000 or --budget 10m)");
            }
            if (store.exists()) {
                throw new UserError("optjit search: " + out + " already holds a search; continue it with --resume, "
                        + "or choose another --out");
            }
            if (population < 2 || generation < 1 || top < 0) {
                throw new UserError("optjit search: --population must be at least 2, --generation at least 1, --top at least 0");
            }
            Budget b;
            try {
                b = Budget.parse(budget);
            } catch (IllegalArgumentException e) {
                throw new UserError("optjit search: --budget: " + e.getMessage());
            }
            config = SearchConfig.defaults(seed, b, seeds()).withAlgorithm(algorithm)
                    .withShape(population, generation, 8, List.of(30, 90, 270), "default");
            state = SearchState.start();
        }
        SearchRun run = new SearchRun(config, store, exampleDir(), top, stdout);
        try (SparkEvaluator evaluator = new SparkEvaluator(connect(), config.fitness());
             ProgressDisplay progress = new ProgressDisplay(stdout, config.budget(), ProgressDisplay.onTerminal())) {
            stdout.println("optjit search: " + config.algorithm().name().toLowerCase(Locale.ROOT) + ", seed " + config.seed()
                    + ", budget " + config.budget() + ", on " + evaluator.describe());
            run.search(evaluator, state, progress);
        }
        run.report();
        return 0;
    }

    private JavaSparkContext connect() {
        try {
            return SparkEvaluator.connect(master);
        } catch (ClusterException e) {
            throw new UserError("optjit search: --master " + master + ": " + e.getMessage());
        }
    }

    private List<SeedRule> seeds() {
        List<Path> files = rules.isEmpty()
                ? List.of(exampleDir().resolve("sgd.opt"), exampleDir().resolve("momentum.opt"), exampleDir().resolve("adam.opt"))
                : rules;
        List<SeedRule> out = new ArrayList<>();
        for (Path p : files) {
            out.add(seed(p));
        }
        return out;
    }

    static SeedRule seed(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UserError("optjit search: " + p + ": no such file");
        }
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException e) {
            throw new UserError("optjit search: " + p + ": cannot read: " + e.getMessage());
        }
        String name = p.getFileName().toString().replaceFirst("\\.opt$", "");
        return new SeedRule(name, AstPrinter.print(SearchForm.of(text, p.toString())));
    }

    private Path exampleDir() {
        if (examples != null) {
            return examples;
        }
        String home = System.getProperty("optjit.home");
        return home == null ? Path.of("examples") : Path.of(home, "examples");
    }
}

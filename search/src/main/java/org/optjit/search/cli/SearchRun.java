package org.optjit.search.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optjit.search.evolve.Evaluator;
import org.optjit.search.evolve.Member;
import org.optjit.search.evolve.Search;
import org.optjit.search.evolve.SearchConfig;
import org.optjit.search.evolve.SearchState;
import org.optjit.search.evolve.SearchStore;
import org.optjit.search.evolve.SeedRule;
import org.optjit.search.fitness.Workloads;
import org.optjit.search.report.Finalists;
import org.optjit.search.report.FitnessPlot;
import org.optjit.search.report.HeldOut;
import org.optjit.search.report.ResultFiles;

/** One search from the command line: run (or continue) it, then write and print its results. */
final class SearchRun {

    /** The published rules every search is compared with on the held-out workload. */
    static final List<String> BASELINES = List.of("sgd", "momentum", "adam", "lion");
    /** Mini-batch steps on the held-out workload. */
    static final int HELD_OUT_STEPS = 1000;

    private final SearchConfig config;
    private final SearchStore store;
    private final Path examples;
    private final int top;
    private final PrintStream out;
    private SearchState state;

    SearchRun(SearchConfig config, SearchStore store, Path examples, int top, PrintStream out) {
        this.config = config;
        this.store = store;
        this.examples = examples;
        this.top = top;
        this.out = out;
    }

    void search(Evaluator evaluator, SearchState from, Search.Listener listener) {
        state = new Search(config, evaluator, store, listener).run(from);
    }

    void report() throws IOException {
        Path dir = store.dir();
        store.writeEvaluated();
        List<Member> evaluated = store.readEvaluated();
        List<Member> finalists = Finalists.of(evaluated, top);
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < finalists.size(); i++) {
            names.add("rank-" + (i + 1));
            sources.add(finalists.get(i).source());
        }
        int baselines = 0;
        for (String b : BASELINES) {
            Path p = examples.resolve(b + ".opt");
            if (Files.isRegularFile(p)) {
                SeedRule s = SearchCommand.seed(p);
                names.add(b);
                sources.add(s.source());
                baselines++;
            } else {
                out.println("note: " + p + " not found; " + b + " is left out of the held-out table");
            }
        }
        out.println("scoring " + finalists.size() + " finalists and " + baselines + " published rules on the held-out workload");
        HeldOut protocol = new HeldOut(Workloads.heldOut(), Workloads.heldOutRates(), HELD_OUT_STEPS);
        List<HeldOut.Result> results = protocol.score(names, sources);
        ResultFiles.writeTopRules(dir, config, state, finalists, results, protocol);
        Path table = dir.resolve("heldout.md");
        ResultFiles.writeHeldOutTable(table, finalists, results, baselines, protocol);
        FitnessPlot.write(state.history(), config.rungSteps(), dir.resolve("best-fitness.png"));
        summary(finalists, table);
    }

    private void summary(List<Member> finalists, Path table) throws IOException {
        out.printf(Locale.ROOT, "%d candidates evaluated in %d generations, %.0f s (%.0f per minute); %d children rejected: %s%n",
                state.evaluated(), state.generation(), state.seconds(),
                state.seconds() > 0 ? 60 * state.evaluated() / state.seconds() : 0.0, state.rejectedTotal(), state.rejected());
        if (!finalists.isEmpty()) {
            Member best = finalists.get(0);
            out.printf(Locale.ROOT, "best rule (fitness %.4f at rung %d, lr %s):%n%s", best.fitness(), best.rung(),
                    best.score().lr(), best.source().indent(4));
        }
        out.println();
        out.print(Files.readString(table, StandardCharsets.UTF_8));
        out.println("results in " + store.dir());
    }
}

package org.optjit.search.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.optjit.ast.AstPrinter;
import org.optjit.search.evolve.Member;
import org.optjit.search.evolve.SearchConfig;
import org.optjit.search.evolve.SearchState;
import org.optjit.search.fitness.Score;
import org.optjit.train.AtomicFiles;

/**
 * The files a finished search leaves beside its records: {@code top/rank-K.opt} (each with
 * a header saying how it was found and how it scored, and {@code hyper lr} set to its best
 * held-out rate so that {@code optjit train --rule} runs it as found) and {@code heldout.md}
 * (the finalists beside the published rules on the held-out workload).
 */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static void writeTopRules(Path dir, SearchConfig config, SearchState state, List<Member> finalists,
                                     List<HeldOut.Result> heldOut, HeldOut protocol) throws IOException {
        Path top = dir.resolve("top");
        Files.createDirectories(top);
        for (int i = 0; i < finalists.size(); i++) {
            Member m = finalists.get(i);
            HeldOut.Result h = heldOut.get(i);
            Score s = m.score();
            StringBuilder sb = new StringBuilder();
            sb.append("# rank-").append(i + 1).append(": found by optjit search (").append(config.algorithm().name().toLowerCase(Locale.ROOT))
                    .append(", seed ").append(config.seed()).append(", ").append(state.evaluated()).append(" candidates evaluated)\n");
            sb.append("# candidate ").append(m.id()).append(" of generation ").append(m.generation()).append(", made by ")
                    .append(m.origin()).append(m.parents().isEmpty() ? "" : " from candidate(s) " + m.parents()).append('\n');
            sb.append("# proxy fitness ").append(fmt(s.fitness())).append(" decades of loss reduction at rung ").append(m.rung())
                    .append(" (").append(config.rungSteps().get(m.rung())).append(" steps per workload), lr = ")
                    .append(AstPrinter.number(s.lr())).append("; per workload: ").append(perWorkload(config, s)).append('\n');
            sb.append("# held-out (").append(protocol.workload().name()).append(", ").append(protocol.steps()).append(" steps): ")
                    .append(h.diverged() ? "diverged at every rate" : "test loss " + fmt(h.testLoss()) + ", test error "
                            + fmt5(h.testError()) + " at lr = " + AstPrinter.number(h.rate()) + " (chosen on validation)")
                    .append('\n');
            double lr = h.diverged() || Double.isNaN(h.rate()) ? s.lr() : h.rate();
            if (!Double.isNaN(lr) && m.source().contains("lr")) {
                sb.append("hyper lr = ").append(AstPrinter.number(lr)).append('\n');
            }
            sb.append(m.source());
            AtomicFiles.write(top.resolve("rank-" + (i + 1) + ".opt"), sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The Markdown comparison on the held-out workload. */
    public static void writeHeldOutTable(Path file, List<Member> finalists, List<HeldOut.Result> results,
                                         int baselines, HeldOut protocol) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("Held-out workload: ").append(protocol.workload().name()).append(" (").append(protocol.steps())
                .append(" mini-batch steps; the rate with the lowest validation loss of the grid, then the test rows). ")
                .append("Lower is better. Error: squared error per pixel for an autoencoder, the fraction ")
                .append("misclassified for a classifier.\n\n");
        sb.append("| rule | proxy fitness | lr | validation loss | test loss | test error |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < results.size(); i++) {
            HeldOut.Result r = results.get(i);
            String fitness = i < finalists.size() ? fmt(finalists.get(i).fitness()) : "-";
            if (r.diverged()) {
                sb.append("| ").append(r.name()).append(" | ").append(fitness).append(" | - | diverged | - | - |\n");
                continue;
            }
            sb.append("| ").append(r.name()).append(" | ").append(fitness).append(" | ")
                    .append(Double.isNaN(r.rate()) ? "-" : AstPrinter.number(r.rate())).append(" | ")
                    .append(fmt(r.validationLoss())).append(" | ").append(fmt(r.testLoss())).append(" | ")
                    .append(fmt5(r.testError())).append(" |\n");
        }
        sb.append('\n').append(baselines).append(" published rules (last rows) run through the same protocol.\n");
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String perWorkload(SearchConfig config, Score s) {
        List<String> names = config.fitness().workloads().stream().map(w -> w.name()).toList();
        return java.util.stream.IntStream.range(0, Math.min(names.size(), s.decades().size()))
                .mapToObj(i -> names.get(i) + " " + fmt(s.decades().get(i))).collect(Collectors.joining(", "));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String fmt5(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}

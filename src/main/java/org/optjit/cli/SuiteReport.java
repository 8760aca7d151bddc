package org.optjit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.optjit.ast.AstPrinter;
import org.optjit.train.AtomicFiles;
import org.optjit.train.EpochMetrics;

/** The suite's files: summary.md (a table per workload with a ranking, and the profile), results.csv and .jsonl. */
final class SuiteReport {

    /** The profile plot's right end: rules more than this many times slower than the best count as not reaching. */
    static final double MAX_TAU = 4;

    private SuiteReport() {
    }

    /** Rules ordered by time to target (reached first), then by final validation error. */
    static List<SuiteResult> ranked(List<SuiteResult> results) {
        List<SuiteResult> r = new ArrayList<>(results);
        r.sort(Comparator.comparingDouble(SuiteResult::secondsToTarget)
                .thenComparingDouble(x -> x.last() == null ? Double.POSITIVE_INFINITY : x.last().valError()));
        return r;
    }

    private static void write(Path file, CharSequence text) {
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    static void write(Path dir, List<SuiteWorkload> workloads, List<String> rules, List<SuiteResult> results, String blas) {
        StringBuilder md = new StringBuilder("# Optimizer suite\n\n");
        md.append("Every rule on every workload from the same seed (the same initial weights and mini-batches per"
                + " workload). Time to target: training seconds (evaluation excluded) until the end of the first epoch"
                + " whose validation error reaches the workload's target. BLAS: ").append(blas).append(".\n");
        StringBuilder csv = new StringBuilder(SuiteResult.CSV_HEADER).append('\n');
        StringBuilder jsonl = new StringBuilder();
        for (SuiteWorkload w : workloads) {
            md.append(String.format(Locale.ROOT, "%n## %s (target: validation error <= %s)%n%n`%s`%n%n", w.name(),
                    AstPrinter.number(w.target()), String.join(" ", w.options())));
            md.append("| rank | rule | steps to target | seconds to target | final val error | final test error | steps |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|\n");
            int rank = 0;
            for (SuiteResult r : ranked(results.stream().filter(x -> x.workload().equals(w.name())).toList())) {
                EpochMetrics hit = r.reached(), last = r.last();
                md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |%n", ++rank, r.rule(),
                        hit == null ? (r.failure() != null ? r.failure() : "not reached") : Long.toString(hit.step()),
                        hit == null ? "" : String.format(Locale.ROOT, "%.2f", r.secondsToTarget()),
                        last == null ? "" : String.format(Locale.ROOT, "%.4f", last.valError()),
                        last == null ? "" : String.format(Locale.ROOT, "%.4f", last.testError()),
                        last == null ? "" : Long.toString(last.step())));
            }
        }
        List<String> names = workloads.stream().map(SuiteWorkload::name).toList();
        Map<String, double[]> ratios = PerformanceProfile.ratios(results, names, rules);
        md.append("\n## Performance profile\n\nFraction of workloads each rule reaches within a factor tau of the best"
                + " time (performance-profile.png/.svg):\n\n| rule | tau = 1 | tau = 1.5 | tau = 2 | tau = 4 |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : ratios.entrySet()) {
            double[] r = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", e.getKey(), PerformanceProfile.at(r, 1),
                    PerformanceProfile.at(r, 1.5), PerformanceProfile.at(r, 2), PerformanceProfile.at(r, 4)));
        }
        for (SuiteResult r : results) {
            csv.append(r.csv()).append('\n');
            jsonl.append(r.json()).append('\n');
        }
        write(dir.resolve("summary.md"), md);
        write(dir.resolve("results.csv"), csv);
        write(dir.resolve("results.jsonl"), jsonl);
        Charts.performanceProfile(ratios, MAX_TAU, dir.resolve("performance-profile"));
    }
}

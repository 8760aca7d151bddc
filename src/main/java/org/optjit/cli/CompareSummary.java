package org.optjit.cli;

import org.optjit.train.Plural;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.optjit.train.EpochMetrics;

/**
 * {@code summary.md} of a comparison: one row per rule and sweep point with the mean and
 * spread over seeds, the best point of each rule's sweep, and which differences between
 * rules are larger than the spread over seeds.
 */
final class CompareSummary {

    private CompareSummary() {
    }

    /** The outcomes of each variant, in the order they ran. */
    static Map<Variant, List<Outcome>> byVariant(List<Outcome> outcomes) {
        Map<Variant, List<Outcome>> out = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            out.computeIfAbsent(o.variant(), v -> new ArrayList<>()).add(o);
        }
        return out;
    }

    static Spread spread(List<Outcome> runs, ToDoubleFunction<EpochMetrics> figure) {
        return Spread.of(runs.stream().filter(o -> o.result() != null)
                .mapToDouble(o -> figure.applyAsDouble(o.result().reported())).toArray());
    }

    /** Per rule label, the variant with the lowest mean validation error (the sweep's best). */
    static Map<String, Variant> best(Map<Variant, List<Outcome>> variants) {
        Map<String, Variant> best = new LinkedHashMap<>();
        for (Map.Entry<Variant, List<Outcome>> e : variants.entrySet()) {
            Spread s = spread(e.getValue(), EpochMetrics::valError);
            if (s.n() == 0 || Double.isNaN(s.mean())) {
                continue;
            }
            Variant current = best.get(e.getKey().label());
            if (current == null || s.mean() < spread(variants.get(current), EpochMetrics::valError).mean()) {
                best.put(e.getKey().label(), e.getKey());
            }
        }
        return best;
    }

    static String text(String header, List<String> differences, List<Outcome> outcomes, int seeds) {
        Map<Variant, List<Outcome>> variants = byVariant(outcomes);
        Map<String, Variant> best = best(variants);
        boolean sweep = variants.size() > best.size() || variants.keySet().stream().anyMatch(v -> !v.point().isEmpty());
        StringBuilder sb = new StringBuilder("# Optimizer comparison\n\n").append(header).append("\n\n");
        if (!differences.isEmpty()) {
            sb.append("Defaults of compare that differ from train's (options not given):\n\n");
            differences.forEach(d -> sb.append("- ").append(d).append('\n'));
            sb.append('\n');
        }
        if (seeds > 1) {
            sb.append("Each row: mean ± sample standard deviation over ").append(Plural.of(seeds, "seed")).append(".\n\n");
        }
        sb.append("| rule | hyperparameters | runs | train loss | val loss | val error | test error | weights of epoch"
                + " | time (s) | steps/s |").append(sweep ? " best |" : "").append('\n');
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|").append(sweep ? "---|" : "").append('\n');
        for (Map.Entry<Variant, List<Outcome>> e : variants.entrySet()) {
            List<Outcome> runs = e.getValue();
            List<Outcome> ok = runs.stream().filter(o -> o.result() != null).toList();
            String failed = runs.stream().filter(o -> o.result() == null)
                    .map(o -> "seed " + o.seed() + " " + o.failure()).reduce((a, b) -> a + "; " + b).orElse("");
            sb.append("| ").append(e.getKey().name()).append(" | ").append(runs.get(0).hypers()).append(" | ")
                    .append(ok.size()).append(ok.size() < runs.size() ? " of " + runs.size() + " (" + failed + ")" : "");
            if (ok.isEmpty()) {
                sb.append(" | | | | | | | |");
            } else {
                sb.append(" | ").append(spread(ok, EpochMetrics::trainLoss).text())
                        .append(" | ").append(spread(ok, EpochMetrics::valLoss).text())
                        .append(" | ").append(spread(ok, EpochMetrics::valError).text())
                        .append(" | ").append(spread(ok, EpochMetrics::testError).text())
                        .append(" | ").append(epochs(ok))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", ok.stream()
                                .mapToDouble(o -> o.result().trainingSeconds()).average().orElse(0)))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", ok.stream()
                                .mapToDouble(o -> o.result().stepsPerSecond()).average().orElse(0))).append(" |");
            }
            if (sweep) {
                boolean swept = variants.keySet().stream().filter(v -> v.label().equals(e.getKey().label())).count() > 1;
                sb.append(swept && e.getKey().equals(best.get(e.getKey().label())) ? " **best** |" : " |");
            }
            sb.append('\n');
        }
        sb.append("\nErrors are fractions; for autoencoder data they are the mean squared reconstruction error per pixel."
                + " Time is training wall time (evaluation excluded). \"Weights of epoch\" is the epoch whose weights the"
                + " figures come from (the last, or the best with --restore-best).");
        if (sweep) {
            sb.append(" The best point of each rule's sweep has the lowest mean validation error.");
        }
        sb.append(" Per-epoch metrics: <rule>/metrics.csv and .jsonl.\n");
        sb.append(differencesSection(variants, best, seeds));
        return sb.toString();
    }

    private static String epochs(List<Outcome> ok) {
        return String.join(", ", ok.stream().map(o -> Integer.toString(o.result().weightsEpoch())).distinct().toList());
    }

    /** Which rules differ by more than the spread over seeds (test error of each rule's best point). */
    private static String differencesSection(Map<Variant, List<Outcome>> variants, Map<String, Variant> best, int seeds) {
        List<Variant> rows = new ArrayList<>(best.values());
        if (rows.size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n## Differences between rules\n\n");
        if (seeds < 2) {
            return sb.append("One seed per rule: the spread over seeds is unknown, so no difference can be told from"
                    + " noise; run with --seeds 3 or more.\n").toString();
        }
        sb.append("Test error of each rule").append(variants.size() > best.size() ? "'s best point" : "")
                .append("; a difference counts as larger than the spread over seeds when the means differ by more"
                        + " than the sum of the two standard deviations.\n\n");
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                Spread a = spread(variants.get(rows.get(i)), EpochMetrics::testError);
                Spread b = spread(variants.get(rows.get(j)), EpochMetrics::testError);
                sb.append("- ").append(rows.get(i).name()).append(" (").append(a.text()).append(") vs ")
                        .append(rows.get(j).name()).append(" (").append(b.text()).append("): ")
                        .append(a.clearlyDiffersFrom(b) ? "larger than the spread over seeds"
                                : "within the spread over seeds")
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static void write(Path dir, String text) {
        RunDirectories.write(dir.resolve("summary.md"), text);
    }
}

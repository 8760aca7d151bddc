package org.optjit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.train.StepLog;

/**
 * The plots of a run's step log ({@code --log-every}): the update-to-weight norm ratio of
 * every range ({@code update-ratio.png/.svg}, logarithmic), the state norms
 * ({@code state-norms}) and, for conditional rules, the fraction of weights each condition
 * held for ({@code branches}; {@code conditions.txt} names them).
 */
final class DiagnosticCharts {

    private DiagnosticCharts() {
    }

    /** Does nothing when the run wrote no step log. */
    static void write(Path dir, XAxis x, int trainSize) {
        Path csv = dir.resolve(StepLog.CSV);
        List<String> lines;
        try {
            if (!Files.exists(csv)) {
                return;
            }
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UserError(csv + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.size() < 2) {
            return;
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            rows[i - 1] = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        double[] xs = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            xs[i] = switch (x) {
                case EPOCHS -> r[header.indexOf("examples")] / trainSize;
                case STEPS -> r[header.indexOf("step")];
                case EXAMPLES -> r[header.indexOf("examples")];
                case TIME -> r[header.indexOf("seconds")];
            };
        }
        String xTitle = x == XAxis.EPOCHS ? "epoch (fractional)" : x.title();
        plot(dir, "update-ratio", "Update-to-weight norm ratio", "||Δw|| / ||w||", true, "update_ratio.", header, rows, xs, xTitle);
        plot(dir, "state-norms", "State norms", "L2 norm", true, "state_norm.", header, rows, xs, xTitle);
        plot(dir, "branches", "Branch fractions (conditions.txt)", "fraction of weights where the condition holds", false,
                "branch", header, rows, xs, xTitle);
    }

    private static void plot(Path dir, String file, String title, String yTitle, boolean logY, String prefix,
                             List<String> header, double[][] rows, double[] xs, String xTitle) {
        Map<String, List<List<CurveCharts.Point>>> series = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).startsWith(prefix)) {
                continue;
            }
            List<CurveCharts.Point> points = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                points.add(new CurveCharts.Point(xs[i], rows[i][c]));
            }
            String name = header.get(c);
            series.put(prefix.endsWith(".") ? name.substring(prefix.length()) : name.replaceFirst("\\.", " "), List.of(points));
        }
        if (!series.isEmpty()) {
            CurveCharts.save(series, title, xTitle, yTitle, logY, dir.resolve(file));
        }
    }
}

package org.optjit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The metrics of a run, as {@code metrics.csv} and {@code metrics.jsonl} in its output
 * directory. Both are rewritten whole (atomically) from the run's history after every
 * epoch: the history is part of the checkpoint, so after a resume the files hold each
 * epoch exactly once, whenever the previous process died. Columns that do not apply to a
 * run (NaN in every row) are absent.
 */
public final class MetricsFiles {

    public static final String CSV = "metrics.csv";
    public static final String JSONL = "metrics.jsonl";

    private MetricsFiles() {
    }

    /**
     * Which columns apply: a column that is NaN in every row (the rate of a rule without the
     * controlled hyperparameter) is left out rather than written as NaN.
     */
    static boolean[] present(List<EpochMetrics> history) {
        boolean[] present = new boolean[EpochMetrics.FIELDS.length];
        for (EpochMetrics m : history) {
            String[] v = m.values();
            for (int i = 0; i < v.length; i++) {
                present[i] |= !v[i].equals("NaN");
            }
        }
        return present;
    }

    private static String[] pick(String[] values, boolean[] present) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (present[i]) {
                out.add(values[i]);
            }
        }
        return out.toArray(new String[0]);
    }

    public static void write(Path dir, List<EpochMetrics> history) {
        boolean[] present = present(history);
        StringBuilder csv = new StringBuilder();
        StringBuilder jsonl = new StringBuilder();
        csv.append(String.join(",", pick(EpochMetrics.FIELDS, present))).append('\n');
        for (EpochMetrics m : history) {
            String[] values = pick(m.values(), present);
            String[] names = pick(EpochMetrics.FIELDS, present);
            csv.append(String.join(",", values)).append('\n');
            jsonl.append('{');
            for (int i = 0; i < values.length; i++) {
                boolean finite = !values[i].equals("NaN") && !values[i].contains("Infinity");
                jsonl.append(i == 0 ? "" : ", ").append('"').append(names[i]).append("\": ").append(finite ? values[i] : "null");
            }
            jsonl.append("}\n");
        }
        try {
            AtomicFiles.write(dir.resolve(CSV), csv.toString().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(dir.resolve(JSONL), jsonl.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + dir + ": " + e.getMessage(), e);
        }
    }
}

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
 * epoch exactly once, whenever the previous process died.
 */
public final class MetricsFiles {

    public static final String CSV = "metrics.csv";
    public static final String JSONL = "metrics.jsonl";

    private MetricsFiles() {
    }

    public static void write(Path dir, List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(String.join(",", EpochMetrics.FIELDS)).append('\n');
        StringBuilder jsonl = new StringBuilder();
        for (EpochMetrics m : history) {
            csv.append(m.csv()).append('\n');
            jsonl.append(m.json()).append('\n');
        }
        try {
            AtomicFiles.write(dir.resolve(CSV), csv.toString().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(dir.resolve(JSONL), jsonl.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + dir + ": " + e.getMessage(), e);
        }
    }
}

package org.optjit.cli;

import org.optjit.train.Plural;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.optjit.train.MetricsFiles;

/**
 * Compares the metrics of two runs of the same command, file by file and value by value
 * as written (a double's shortest decimal form identifies it, so equal text is equal bits).
 * Columns of wall time are left out: they measure the machine, not the run.
 */
final class MetricsMatch {

    /** Columns that measure time, not the run. */
    static final List<String> TIME_COLUMNS = List.of("seconds");

    private MetricsMatch() {
    }

    /** The outcome: files compared, rows compared, and the differences found (empty: a match). */
    record Result(int files, int rows, List<String> differences) {
    }

    static Result compare(Path original, Path again) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(original)) {
            files = s.filter(p -> p.getFileName().toString().equals(MetricsFiles.CSV)).sorted().toList();
        } catch (IOException e) {
            throw new UserError(original + ": cannot read: " + e.getMessage(), e);
        }
        List<String> diffs = new ArrayList<>();
        int rows = 0;
        for (Path f : files) {
            Path rel = original.relativize(f);
            Path other = again.resolve(rel);
            if (!Files.exists(other)) {
                diffs.add(rel + ": not written by the rerun");
                continue;
            }
            List<String> a = read(f);
            List<String> b = read(other);
            if (!a.get(0).equals(b.get(0))) {
                diffs.add(rel + ": columns differ (" + a.get(0) + " vs " + b.get(0) + ")");
                continue;
            }
            List<String> header = Arrays.asList(a.get(0).split(",", -1));
            if (a.size() != b.size()) {
                diffs.add(rel + ": " + Plural.of(a.size() - 1, "row") + " in the run, " + (b.size() - 1) + " in the rerun");
            }
            for (int i = 1; i < Math.min(a.size(), b.size()); i++) {
                rows++;
                String[] x = a.get(i).split(",", -1);
                String[] y = b.get(i).split(",", -1);
                for (int c = 0; c < header.size(); c++) {
                    if (!TIME_COLUMNS.contains(header.get(c)) && !x[c].equals(y[c])) {
                        diffs.add(rel + " row " + i + " " + header.get(c) + ": " + x[c] + " in the run, " + y[c]
                                + " in the rerun");
                    }
                }
            }
        }
        if (files.isEmpty()) {
            diffs.add(original + " holds no " + MetricsFiles.CSV + " to compare");
        }
        return new Result(files.size(), rows, diffs);
    }

    private static List<String> read(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UserError(f + ": cannot read: " + e.getMessage(), e);
        }
    }
}

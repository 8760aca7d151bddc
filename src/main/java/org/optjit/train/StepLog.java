package org.optjit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optjit.train.diagnostics.StepDiagnostics;

/**
 * Step-level metrics ({@code --log-every N}): every N steps one row of {@value #CSV} and
 * one object of {@value #JSONL}: {@code epoch, step, examples} (seen so far),
 * {@code seconds} (training wall time so far), {@code train_loss} (that step's mini-batch
 * loss) and the {@link StepDiagnostics}. Rows are appended; on resume, rows after the
 * checkpoint are dropped first, so every step appears once.
 */
public final class StepLog {

    public static final String CSV = "steps.csv";
    public static final String JSONL = "steps.jsonl";
    public static final String CONDITIONS = "conditions.txt";

    private final Path dir;
    private final int every;
    private final StepDiagnostics diagnostics;
    private boolean headerWritten;

    public StepLog(Path dir, int every, StepDiagnostics diagnostics) {
        if (every < 1) {
            throw new IllegalArgumentException("log interval must be >= 1, got " + every);
        }
        this.dir = dir;
        this.every = every;
        this.diagnostics = diagnostics;
    }

    StepDiagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether step number {@code step} (1-based) is logged. */
    boolean due(long step) {
        return step % every == 0;
    }

    /** Starts the files, or, when resuming at {@code step}, keeps only the rows up to it. */
    void start(long step) {
        try {
            Files.createDirectories(dir);
            List<String> conditions = diagnostics.conditions();
            if (!conditions.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < conditions.size(); k++) {
                    sb.append("branch").append(k + 1).append(": ").append(conditions.get(k)).append('\n');
                }
                AtomicFiles.write(dir.resolve(CONDITIONS), sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            headerWritten = step > 0 && Files.exists(dir.resolve(CSV));
            if (!headerWritten) {
                AtomicFiles.write(dir.resolve(CSV), new byte[0]);
                AtomicFiles.write(dir.resolve(JSONL), new byte[0]);
                return;
            }
            keep(dir.resolve(CSV), step, true);
            keep(dir.resolve(JSONL), step, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CSV) + ": " + e.getMessage(), e);
        }
    }

    private static void keep(Path file, long step, boolean header) throws IOException {
        List<String> kept = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (header && i == 0) {
                kept.add(line);
            } else if (complete(line, header) && stepOf(line, header) <= step) {
                kept.add(line);
            }
        }
        AtomicFiles.write(file, (String.join("\n", kept) + (kept.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean complete(String line, boolean csv) {
        return csv ? line.split(",").length > 2 : line.endsWith("}");
    }

    private static long stepOf(String line, boolean csv) {
        if (csv) {
            return Long.parseLong(line.split(",")[1]);
        }
        int at = line.indexOf("\"step\": ") + 8;
        int end = line.indexOf(',', at);
        return Long.parseLong(line.substring(at, end));
    }

    void record(int epoch, long step, long examples, double seconds, double loss, Map<String, Double> values) {
        StringBuilder head = new StringBuilder("epoch,step,examples,seconds,train_loss");
        StringBuilder csv = new StringBuilder().append(epoch).append(',').append(step).append(',').append(examples)
                .append(',').append(seconds).append(',').append(loss);
        StringBuilder json = new StringBuilder("{\"epoch\": ").append(epoch).append(", \"step\": ").append(step)
                .append(", \"examples\": ").append(examples).append(", \"seconds\": ").append(seconds)
                .append(", \"train_loss\": ").append(Double.isFinite(loss) ? Double.toString(loss) : "null");
        for (Map.Entry<String, Double> e : values.entrySet()) {
            head.append(',').append(e.getKey());
            csv.append(',').append(e.getValue());
            json.append(", \"").append(e.getKey()).append("\": ")
                    .append(Double.isFinite(e.getValue()) ? Double.toString(e.getValue()) : "null");
        }
        try {
            if (!headerWritten) {
                Files.writeString(dir.resolve(CSV), head.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                headerWritten = true;
            }
            Files.writeString(dir.resolve(CSV), csv.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(dir.resolve(JSONL), json.append("}\n"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CSV) + ": " + e.getMessage(), e);
        }
    }
}

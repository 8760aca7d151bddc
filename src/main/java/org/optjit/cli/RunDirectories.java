package org.optjit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.AtomicFiles;
import org.optjit.train.checkpoint.Fingerprint;

/** Output directories of runs: fresh names under {@code runs/}, and a description of the run in each. */
final class RunDirectories {

    private RunDirectories() {
    }

    /** {@code base/<yyyyMMdd-HHmmss>-<name>}, with a number appended if that exists already. */
    static Path fresh(Path base, String name) {
        String stem = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path p = base.resolve(stem);
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolve(stem + "-" + i);
        }
        return p;
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the output directory: " + e.getMessage(), e);
        }
    }

    /** Writes {@code run.txt}: the rule, backend, network and everything in the fingerprint. */
    static void describe(Path dir, Rule rule, Kernel kernel, RunSetup setup, Fingerprint fingerprint) {
        createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        sb.append("rule file: ").append(rule.name()).append('\n');
        sb.append("backend: ").append(kernel.backend()).append('\n');
        sb.append("blas: ").append(setup.blas()).append('\n');
        sb.append("epochs: ").append(setup.config().epochs()).append('\n');
        sb.append("early stopping: ").append(setup.config().earlyStopping()).append('\n');
        for (Map.Entry<String, String> e : fingerprint.entries().entrySet()) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        write(dir.resolve("run.txt"), sb.toString());
    }

    /** Writes a text file of a run atomically ({@link AtomicFiles}: one permission mode for all). */
    static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}

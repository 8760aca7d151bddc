package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders record what a run needs to be understood and repeated; rerun repeats it and checks the metrics. */
class RerunTest {

    private static final String[] SMALL = {"--data", "blobs", "--limit", "120,40,40", "--layers", "32-6-5",
        "--epochs", "2", "--threads", "1", "--backend", "scalar"};

    private static String[] with(String... args) {
        String[] all = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
        return all;
    }

    @Test
    void aTrainRunIsRepeatedBitForBitFromItsFolder(@TempDir Path dir) throws Exception {
        Path rule = dir.resolve("mine.opt");
        Files.writeString(rule, "hyper eps = 0.05, mu = 0.9\nv = mu*v - eps*g\nw += v\n");
        Path run = dir.resolve("run");
        assertEquals(0, CliRunner.run(with("train", "--rule", rule.toString(), "--out", run.toString(),
                "--set", "mu=0.5")).status());
        String prov = Files.readString(run.resolve("provenance.txt"));
        for (String field : List.of("command: optjit train --rule", "hyperparameters of mine: eps=0.05, mu=0.5", "seed: 1",
                "optjit: ", "commit ", "jdk: ", "blas: ", "processor: ", "backend: SCALAR")) {
            assertTrue(prov.contains(field), field + " in\n" + prov);
        }
        assertEquals(Files.readString(rule), Files.readString(run.resolve("source/1/mine.opt")));
        // the rule file changes afterwards: rerun uses the copy the run kept
        Files.writeString(rule, "w -= 0.5*g\n");
        CliRunner again = CliRunner.run("rerun", run.toString(), "--out", dir.resolve("again").toString());
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("the metrics match bit for bit: 1 file, 2 rows"), again.out());
    }

    @Test
    void aDifferenceIsReported(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, CliRunner.run(with("train", "--rule", "examples/momentum.opt", "--out", run.toString())).status());
        Path csv = run.resolve("metrics.csv");
        List<String> lines = Files.readAllLines(csv);
        String[] row = lines.get(2).split(",");
        row[2] = Double.toString(Math.nextUp(Double.parseDouble(row[2])));
        lines.set(2, String.join(",", row));
        Files.write(csv, lines);
        CliRunner again = CliRunner.run("rerun", run.toString(), "--out", dir.resolve("again").toString());
        assertEquals(1, again.status(), again.out());
        assertTrue(again.err().contains("metrics.csv row 2 train_loss"), again.err());
    }

    @Test
    void eachRuleOfACompareKeepsItsProvenanceAndTheWholeIsRepeated(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("cmp");
        assertEquals(0, CliRunner.run(with("compare", "examples/momentum.opt", "examples/sgd.opt", "--seeds", "2",
                "--out", run.toString())).status());
        assertTrue(Files.readString(run.resolve("momentum/seed-2/provenance.txt")).contains("seed: 2"));
        assertTrue(Files.exists(run.resolve("sgd/seed-1/source/1/sgd.opt")));
        CliRunner again = CliRunner.run("rerun", run.toString(), "--out", dir.resolve("again").toString());
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("4 files"), again.out());
    }

    @Test
    void everyOutputFileHasOneMode(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("cmp");
        assertEquals(0, CliRunner.run(with("compare", "examples/momentum.opt", "--out", run.toString())).status());
        if (!Files.getFileStore(run).supportsFileAttributeView("posix")) {
            return;
        }
        Set<String> modes;
        try (Stream<Path> files = Files.walk(run)) {
            modes = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
        assertEquals(Set.of("rw-r--r--"), modes);
    }

    @Test
    void aFolderWithoutARecordIsRefused(@TempDir Path dir) {
        CliRunner r = CliRunner.run("rerun", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not a run folder"), r.err());
    }
}

package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.cli.TrainingCommandsTest.Run;
import org.optjit.train.EpochMetrics;

/** {@code optjit suite} on a tiny configuration: its table, files and performance profile. */
class SuiteCommandTest {

    @Test
    void aTinySuiteWritesItsTableFilesAndProfile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s");
        Run r = TrainingCommandsTest.run("suite", "examples/adam.opt", "examples/sgd.opt", "--set", "sgd.eps=0.0001",
                "--workloads", "blobs-mlp", "--epochs", "4", "--threads", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.all());
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("## blobs-mlp (target: validation error <= 0.04)"), md);
        // adam reaches the blobs target within four epochs (at the fourth, measured); sgd with a tiny rate does not
        assertTrue(md.matches("(?s).*\\| 1 \\| adam \\| \\d+ \\| [0-9.]+ \\|.*\\| 2 \\| sgd \\| not reached \\|.*"), md);
        assertTrue(md.contains("| adam | 1.00 | 1.00 | 1.00 | 1.00 |") && md.contains("| sgd | 0.00 | 0.00 | 0.00 | 0.00 |"), md);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(SuiteResult.CSV_HEADER, csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("blobs-mlp,adam,0.04,true,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("blobs-mlp,sgd,0.04,false,,,"), csv.get(2));
        assertEquals(2, Files.readAllLines(out.resolve("results.jsonl")).size());
        for (String f : List.of("performance-profile.png", "performance-profile.svg", "blobs-mlp/val-error.png",
                "blobs-mlp/adam/metrics.csv", "blobs-mlp/sgd/metrics.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        // every run folder holds its provenance: rule source, resolved values, command line, seed
        String prov = Files.readString(out.resolve("blobs-mlp/sgd").resolve(Provenance.FILE));
        assertTrue(prov.contains("eps=0.0001") && prov.contains("seed: ") && prov.contains("suite"), prov);
    }

    @Test
    void anUnknownWorkloadIsABadInput(@TempDir Path dir) {
        Run r = TrainingCommandsTest.run("suite", "examples/adam.opt", "--workloads", "imagenet", "--out", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--workloads: unknown workload 'imagenet' (known: blobs-mlp,"), r.err());
    }

    @Test
    void theProfileCountsWorkloadsWithinAFactorOfTheBest() {
        // workload w1: a 10 s, b 15 s; w2: a 30 s, b 20 s; w3: a reaches, b never does
        List<SuiteResult> results = List.of(result("w1", "a", 10), result("w1", "b", 15), result("w2", "a", 30),
                result("w2", "b", 20), result("w3", "a", 5), new SuiteResult("w3", "b", 0.5, List.of(), "diverged"));
        Map<String, double[]> ratios = PerformanceProfile.ratios(results, List.of("w1", "w2", "w3"), List.of("a", "b"));
        assertArrayEquals(new double[] {1, 1.5, 1}, ratios.get("a"));
        assertEquals(2.0 / 3, PerformanceProfile.at(ratios.get("a"), 1.2));
        assertEquals(1.0, PerformanceProfile.at(ratios.get("a"), 1.5));
        assertEquals(1.0 / 3, PerformanceProfile.at(ratios.get("b"), 1.2));
        assertEquals(2.0 / 3, PerformanceProfile.at(ratios.get("b"), 100));
    }

    /** One epoch of {@code seconds} that reaches the target. */
    private static SuiteResult result(String w, String rule, double seconds) {
        return new SuiteResult(w, rule, 0.5, List.of(new EpochMetrics(1, 10, 0.1, 0.1, 0.1, 0.1, seconds, 0.001)), null);
    }
}

package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optjit.cli.TrainingCommandsTest.SMALL;
import static org.optjit.cli.TrainingCommandsTest.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.blas.BlasLibrary;
import org.optjit.cli.TrainingCommandsTest.Run;

/** {@code --blas}: the choice is printed and logged, and both libraries train to the same metrics. */
class BlasOptionTest {

    @Test
    void javaAndNativeTrainTheSameWithinRounding(@TempDir Path dir) throws Exception {
        Run java = train(dir.resolve("java"), "java");
        assertTrue(java.out().contains("BLAS: VectorBLAS (Java)"), java.out());
        assertTrue(Files.readString(dir.resolve("java/run.txt")).contains("blas: VectorBLAS (Java)"));
        Run auto = train(dir.resolve("auto"), "auto");
        assertTrue(auto.out().contains("BLAS: " + BlasLibrary.describe()), auto.out());
        // two epochs of float32 training from the same weights and batches: the libraries sum
        // in different orders, so the validation loss agrees to rounding, not to the bit
        List<String> a = Files.readAllLines(dir.resolve("java/metrics.csv"));
        List<String> b = Files.readAllLines(dir.resolve("auto/metrics.csv"));
        double la = Double.parseDouble(a.get(2).split(",")[3]), lb = Double.parseDouble(b.get(2).split(",")[3]);
        assertEquals(la, lb, 1e-4 * Math.abs(la));
    }

    @Test
    void anUnknownBlasIsABadInput(@TempDir Path dir) {
        Run r = run(args(SMALL, "train", "--rule", TrainingCommandsTest.MOMENTUM, "--blas", "fortran",
                "--out", dir.resolve("x").toString()));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--blas: unknown value 'fortran' (choose one of: auto, native, java)"), r.err());
    }

    private static Run train(Path out, String blas) {
        Run r = run(args(SMALL, "train", "--rule", TrainingCommandsTest.MOMENTUM, "--set", "eps=0.1", "--epochs", "2",
                "--blas", blas, "--out", out.toString()));
        assertEquals(0, r.status(), r.all());
        return r;
    }

    private static Run run(String... args) {
        return TrainingCommandsTest.run(args);
    }
}

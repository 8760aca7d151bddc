package org.optjit.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optjit.blas.Blas;
import org.optjit.blas.BlasChoice;
import org.optjit.blas.BlasLibrary;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Initialization;
import org.optjit.train.model.Network;

/**
 * Where the cores go in a training step: the trainer's lanes on its own threads with
 * single-threaded native calls ({@code LANES}), one lane at a time with OpenBLAS's own
 * threads ({@code OPENBLAS_THREADS}), or the lanes with netlib's Java BLAS ({@code JAVA}).
 * The step is the forward and backward pass of the MLP 784-256-10 on a mini-batch of 128
 * (issue 9's MLP target); {@link #sgemm} is the machine's sgemm rate (1024^3) for the same
 * setting, to report GFLOP/s against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TrainerBlasBench {

    public enum Placement { LANES, OPENBLAS_THREADS, JAVA }

    @Param({"LANES", "OPENBLAS_THREADS", "JAVA"})
    public Placement placement;

    @Param({"2"})
    public int cores;

    static final int BATCH = 128, SGEMM = 1024;

    private Network network;
    private Dataset data;
    private float[] params, grad, a, b, c;
    private Blas blas;

    @Setup(Level.Trial)
    public void setUp() {
        switch (placement) {
            case LANES -> blas = BlasLibrary.select(BlasChoice.NATIVE);
            case OPENBLAS_THREADS -> blas = BlasLibrary.selectNative(cores);
            case JAVA -> blas = BlasLibrary.select(BlasChoice.JAVA);
            default -> throw new AssertionError(placement);
        }
        network = Network.classifier(new int[] {784, 256, 10}, Activation.RELU);
        network.setThreads(placement == Placement.OPENBLAS_THREADS ? 1 : cores);
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[BATCH * 784];
        int[] y = new int[BATCH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < BATCH; i++) {
            y[i] = r.nextInt(10);
        }
        data = new Dataset("random", x, 784, y, 10);
        params = new float[network.parameterCount()];
        grad = new float[params.length];
        network.initialize(params, Initialization.FAN_IN, new java.util.Random(1));
        a = new float[SGEMM * SGEMM];
        b = new float[SGEMM * SGEMM];
        c = new float[SGEMM * SGEMM];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
            b[i] = (float) r.nextDouble();
        }
    }

    /** One forward and backward pass over the mini-batch; 6 * 128 * (784*256 + 256*10) flops. */
    @Benchmark
    public double step() {
        return network.lossAndGradient(params, grad, data, null, 0, BATCH);
    }

    /** One 1024^3 product on the BLAS this placement uses (its thread setting included). */
    @Benchmark
    public float[] sgemm() {
        blas.sgemm("N", "N", SGEMM, SGEMM, SGEMM, 1f, a, 0, SGEMM, b, 0, SGEMM, 0f, c, 0, SGEMM);
        return c;
    }
}
// Run: java -jar benchmarks/target/benchmarks.jar TrainerBlasBench (after benchmarks/run.sh builds it)

package org.optjit.bench;

import java.util.Arrays;
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
import org.optjit.baseline.Bandwidth;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.StepRunner;

/**
 * The bandwidth limit: STREAM-style copy and triad, and the in-place read-modify-write
 * {@code a[i] += s * b[i]} that update rules are measured against (no write-allocate
 * traffic; see {@link Bandwidth}). Run through the same {@link StepRunner} as the rules,
 * on one thread and on all, so that both pay the same threading costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class BandwidthBench {

    @Param({"65536", "16777216"})
    public int size;

    /** Threads: a number, or {@code all} (every available processor). */
    @Param({"1", "all"})
    public String threads;

    public float[] a;
    public float[] b;
    public float[][] c;
    public float[] scalar;
    public int nThreads;

    @Setup(Level.Trial)
    public void setUp() {
        a = new float[size];
        b = new float[size];
        c = new float[][] {new float[size]};
        Arrays.fill(b, 1f);
        // small enough that a[i] += s * b[i] stays far from overflow for any run length
        scalar = new float[] {1e-7f};
        nThreads = ExampleRules.threads(threads);
    }

    /** The in-place kernel drifts a; restart every iteration from the same values. */
    @Setup(Level.Iteration)
    public void reset() {
        Arrays.fill(a, 0.5f);
    }

    private void run(LoopKernel kernel) {
        StepRunner.run(kernel, a, b, c, scalar, 0, size, nThreads);
    }

    /** The cost of splitting a step across threads, with an empty loop. */
    @Benchmark
    public void baseline() {
        run((w, g, state, u, from, to, origin) -> { });
    }

    @Benchmark
    public void copy() {
        run(Bandwidth.COPY);
    }

    @Benchmark
    public void triad() {
        run(Bandwidth.TRIAD);
    }

    @Benchmark
    public void inPlace() {
        run(Bandwidth.IN_PLACE);
    }

    /*
     * How to run (from the repository root; see benchmarks/README.md):
     *   benchmarks/run.sh quick        the whole suite, quick profile
     *   java -jar benchmarks/target/benchmarks.jar BandwidthBench -p size=16777216
     */
}

package org.optjit.bench;

import java.util.Arrays;
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
import org.optjit.baseline.JitWarmUp;

/**
 * One optimizer step over {@code size} weights: every rule that has a hand-written
 * baseline, in each of the five implementations ({@link Impl}), on one thread and on all.
 *
 * <p>The score is the time of one step. {@code benchmarks/report.py} turns it into
 * effective bandwidth, {@code (bytes read + bytes written per weight) * size / time}, with
 * the byte counts the compiler reports for the rule ({@code Program.bytesReadPerWeight()},
 * {@code bytesWrittenPerWeight()}), and sets it beside {@link BandwidthBench#inPlace}.
 *
 * <p>65,536 weights (256 KiB per array) stay in the L2 cache; 16,777,216 (64 MiB per array)
 * are far larger than any cache, so each step streams every array from memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class RuleBench {

    private static final int WARM_UP_SIZE = 1024;

    @Param({"sgd", "momentum", "nesterov", "rmsprop", "adam", "rprop", "adaptive_gains"})
    public String rule;

    @Param({"INTERPRETER", "SCALAR", "VECTOR", "HAND_SCALAR", "HAND_VECTOR", "IN_PLACE"})
    public Impl impl;

    @Param({"65536", "16777216"})
    public int size;

    /** Threads for one step: a number, or {@code all} (every available processor). */
    @Param({"1", "all"})
    public String threads;

    public float[] w0;
    public float[] w;
    /** Two gradients, used on alternate steps; see {@link #setUp()}. */
    public float[][] g;
    public long steps;
    public Stepper stepper;

    /**
     * Random weights and two random gradients that agree in sign on half of the weights,
     * chosen at random: alternating them makes {@code g * g_prev} positive or negative
     * unpredictably, as mini-batch noise does in training, so the conditional rules
     * (rprop, adaptive gains) take both branches and a branchy loop pays its
     * mispredictions. A single fixed gradient would agree with itself on every step.
     */
    @Setup(Level.Trial)
    public void setUp() {
        float[][] data = randomData(size);
        w0 = data[0];
        g = new float[][] {data[1], data[2]};
        w = w0.clone();
        stepper = impl.stepper(rule, ExampleRules.threads(threads));
        warmUp();
    }

    /** {@code {w0, g0, g1}}: the weights and the two gradients described at {@link #setUp()}. */
    static float[][] randomData(int size) {
        SplittableRandom random = new SplittableRandom(1);
        float[][] data = new float[3][size];
        for (int i = 0; i < size; i++) {
            data[0][i] = (float) (random.nextDouble() * 2 - 1);
            data[1][i] = (float) (random.nextDouble() * 2 - 1) * 0.1f;
            data[2][i] = (random.nextBoolean() ? 1 : -1) * data[1][i];
        }
        return data;
    }

    /**
     * Steps a small array until the JIT has compiled the loop from its method entry
     * ({@link JitWarmUp}), so that no timed step over 16M weights runs interpreted or in
     * on-stack-replaced code.
     */
    private void warmUp() {
        warmUp(stepper, w0, g, 20_000_000_000L);
    }

    /**
     * Steps the first {@code WARM_UP_SIZE} weights of {@code w0} with the two gradients
     * alternately until the JIT is quiet, for at most {@code maxNanos}.
     */
    static void warmUp(Stepper stepper, float[] w0, float[][] g, long maxNanos) {
        float[] ws = Arrays.copyOf(w0, WARM_UP_SIZE);
        float[][] gs = {Arrays.copyOf(g[0], WARM_UP_SIZE), Arrays.copyOf(g[1], WARM_UP_SIZE)};
        stepper.reset(ws);
        long[] steps = {0};
        JitWarmUp.run(() -> stepper.step(ws, gs[(int) (steps[0]++ & 1)]), maxNanos);
    }

    /** Steps mutate weights and state: every iteration starts from the same point. */
    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(w0, 0, w, 0, size);
        stepper.reset(w);
    }

    @Benchmark
    public void step() {
        stepper.step(w, g[(int) (steps++ & 1)]);
    }

    /*
     * How to run (from the repository root; see benchmarks/README.md):
     *   benchmarks/run.sh quick        the whole suite, quick profile
     *   java -jar benchmarks/target/benchmarks.jar RuleBench -p rule=rprop -p size=16777216
     *   java -jar benchmarks/target/benchmarks.jar RuleBench -p impl=VECTOR,HAND_VECTOR -rf json
     */
}

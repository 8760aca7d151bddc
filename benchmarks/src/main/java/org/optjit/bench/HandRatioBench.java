package org.optjit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * The "generated is at least 0.95x the hand-written kernel", measured directly: each
 * invocation steps the generated VECTOR rule and its hand-written Vector API baseline once
 * each on 64 matrices of 512 x 512 (each on its own weights and state, the same gradients),
 * the first alternating, each step timed (secondary metrics {@code generatedNanos} and
 * {@code handNanos}, in the same minutes). {@link TensorRatioBench} measures the two
 * implementations in separate parts of a run, so their speeds can only be compared through
 * AdamW there; {@code tensor_report.py} prints this benchmark's ratio per iteration.
 *
 * <p>The forks use transparent huge pages (where Linux offers them; elsewhere the JVM warns
 * and goes on): with 4 KiB pages the ratio moved from fork to fork with where the two sets of
 * arrays lay, from 0.85x to 1.02x per iteration for LAMB; with huge pages from 0.95x to 0.99x,
 * about the same median (benchmarks/RESULTS.md, session 13).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g",
        "-XX:+UseTransparentHugePages"})
public class HandRatioBench {

    /** The time of each implementation's steps, summed over an iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long generatedNanos;
        public long handNanos;

        @Setup(Level.Iteration)
        public void clear() {
            generatedNanos = 0;
            handNanos = 0;
        }
    }

    @Param({"adamw_clipped", "lamb"})
    public String rule;

    @Param({"1", "all"})
    public String threads;

    /**
     * Which implementation's arrays are allocated first. The order alone moved the ratio by
     * 3-9% in one JVM (benchmarks/RESULTS.md, session 13): the heap places the two sets of
     * arrays differently, and the first set ran slower, whichever it was. Both orders are
     * measured, in forks of their own, and tensor_report.py pools them.
     */
    @Param({"generated", "hand"})
    public String first;

    public Stepper generated;
    public Stepper hand;
    public float[] wGenerated;
    public float[] wHand;
    public float[][] g;
    public long steps;

    @Setup(Level.Trial)
    public void setUp() {
        int count = TensorRuleBench.TENSORS;
        int size = TensorRuleBench.ROWS * TensorRuleBench.COLS;
        float[][] data = RuleBench.randomData(count * size);
        g = new float[][] {data[1], data[2]};
        int n = ExampleRules.threads(threads);
        Impl[] order = first.equals("hand")
                ? new Impl[] {Impl.HAND_VECTOR, Impl.VECTOR}
                : new Impl[] {Impl.VECTOR, Impl.HAND_VECTOR};
        for (Impl impl : order) {
            // each implementation's stepper, state and weights together, in the order asked
            Stepper s = TensorRuleBench.stepper(rule, impl, count, size, n);
            float[] w = data[0].clone();
            s.reset(w);
            if (impl == Impl.HAND_VECTOR) {
                hand = s;
                wHand = w;
            } else {
                generated = s;
                wGenerated = w;
            }
        }
        TensorRuleBench.warmUp(rule, Impl.VECTOR, n, data[0], g);
        TensorRuleBench.warmUp(rule, Impl.HAND_VECTOR, n, data[0], g);
    }

    private final long[] nanos = new long[2];

    /** One step of each implementation, the first alternating, each timed. */
    @Benchmark
    public void round(Times times) {
        float[] grad = g[(int) (steps & 1)];
        Alternate.round(steps++, () -> generated.step(wGenerated, grad), () -> hand.step(wHand, grad), nanos);
        times.generatedNanos += nanos[0];
        times.handNanos += nanos[1];
    }
}

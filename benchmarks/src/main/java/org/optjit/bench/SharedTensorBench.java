package org.optjit.bench;

import java.util.Map;
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
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * A rule over tensors on a layout dominated by one tensor: a 4096 x 4096 matrix (16,777,216
 * weights) and its 4,096-value bias. On one thread and on every thread, alternately within
 * each invocation, each step timed (secondary metrics {@code oneNanos}, {@code allNanos}), so
 * {@code oneNanos / allNanos} is the speed-up from sharing the matrix among threads, measured
 * in the same minutes. Before tensors were shared it was 1.0: a tensor went to one thread;
 * rules that run row by row (Adafactor, AGC) shared none until their parts became whole rows.
 * Muon takes a 1024 x 1024 matrix (and a 1,024-value bias) instead: its five Newton-Schulz
 * iterations cost about 33 GFLOP there, and 64 times that on the large matrix. Before orth's
 * products were shared in panels, its speed-up was about 1.0 as well.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class SharedTensorBench {

    /** The time of each step on one thread and on all, summed over an iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long oneNanos;
        public long allNanos;

        @Setup(Level.Iteration)
        public void clear() {
            oneNanos = 0;
            allNanos = 0;
        }
    }

    /** Per-tensor sums, an [all] sum, per-row and per-column sums, per-row sums only, orth. */
    @Param({"lamb", "adamw_clipped", "adafactor", "agc+adamw", "muon"})
    public String rule;

    public Optimizer one;
    public Optimizer all;
    public OptimizerState oneState;
    public OptimizerState allState;
    public float[] w0;
    public float[] wOne;
    public float[] wAll;
    public float[][] g;
    public long steps;

    @Setup(Level.Trial)
    public void setUp() {
        int n = rule.equals("muon") ? 1024 : 4096;
        Layout layout = Layout.builder().matrix("weight", n, n).vector("bias", n).build();
        float[][] data = RuleBench.randomData(layout.size());
        w0 = data[0];
        g = new float[][] {data[1], data[2]};
        Rule r = ExampleRules.rule(rule);
        one = r.compile(Backend.VECTOR).bind(Map.of()).threads(1);
        all = r.compile(Backend.VECTOR).bind(Map.of()).threads(ExampleRules.threads("all"));
        wOne = w0.clone();
        wAll = w0.clone();
        oneState = one.newState(wOne, layout);
        allState = all.newState(wAll, layout);
    }

    private final long[] nanos = new long[2];

    /** One step on one thread and one on all, the first alternating, each timed. */
    @Benchmark
    public void round(Times times) {
        float[] grad = g[(int) (steps & 1)];
        Alternate.round(steps++, () -> one.step(wOne, grad, oneState), () -> all.step(wAll, grad, allState), nanos);
        times.oneNanos += nanos[0];
        times.allNanos += nanos[1];
    }
}

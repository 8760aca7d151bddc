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
import org.optjit.Kernel;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.phase.Planner;

/**
 * The two plans of a rule over tensors, on 64 matrices of 512 x 512: keeping a value for a
 * later pass, or recomputing it there from the arrays (the same bits either way). Each
 * invocation steps both, the first alternating, each step timed (secondary metrics
 * {@code keepNanos} and {@code recomputeNanos}, in the same minutes), so their ratio says which
 * plan the compiler should take; {@code chosen} in the report is the one it does take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class PlacementBench {

    /** The time of each plan's steps, summed over an iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long keepNanos;
        public long recomputeNanos;

        @Setup(Level.Iteration)
        public void clear() {
            keepNanos = 0;
            recomputeNanos = 0;
        }
    }

    @Param({"lamb", "lars", "mars", "cautious_adamw", "adafactor"})
    public String rule;

    @Param({"1", "all"})
    public String threads;

    public Optimizer keep;
    public Optimizer recompute;
    public OptimizerState keepState;
    public OptimizerState recomputeState;
    public float[] wKeep;
    public float[] wRecompute;
    public float[][] g;
    public long steps;

    @Setup(Level.Trial)
    public void setUp() {
        Layout layout = TensorRuleBench.layout(TensorRuleBench.TENSORS, TensorRuleBench.ROWS * TensorRuleBench.COLS);
        float[][] data = RuleBench.randomData(layout.size());
        g = new float[][] {data[1], data[2]};
        Rule r = ExampleRules.rule(rule);
        int n = ExampleRules.threads(threads);
        keep = Kernel.compile(r, Backend.VECTOR, Planner.Placing.KEEP).bind(Map.of()).threads(n);
        recompute = Kernel.compile(r, Backend.VECTOR, Planner.Placing.RECOMPUTE).bind(Map.of()).threads(n);
        wKeep = data[0].clone();
        wRecompute = data[0].clone();
        keepState = keep.newState(wKeep, layout);
        recomputeState = recompute.newState(wRecompute, layout);
        String chosen = r.compile(Backend.VECTOR).plan().keeps() > 0 ? "keep" : "recompute";
        System.out.println("\n" + rule + ": the compiler chooses to " + chosen);
    }

    private final long[] nanos = new long[2];

    /** One step of each plan, the first alternating, each timed. */
    @Benchmark
    public void round(Times times) {
        float[] grad = g[(int) (steps & 1)];
        Alternate.round(steps++, () -> keep.step(wKeep, grad, keepState),
                () -> recompute.step(wRecompute, grad, recomputeState), nanos);
        times.keepNanos += nanos[0];
        times.recomputeNanos += nanos[1];
    }
}

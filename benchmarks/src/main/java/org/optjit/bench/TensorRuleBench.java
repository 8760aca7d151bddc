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
import org.optjit.baseline.ClipAdamW;
import org.optjit.baseline.JitWarmUp;
import org.optjit.baseline.Lamb;
import org.optjit.baseline.TensorBaseline;
import org.optjit.baseline.vector.VectorClipAdamW;
import org.optjit.baseline.vector.VectorLamb;

/**
 * The rules over tensors beside AdamW on the layout of issue 8's targets: 16,777,216
 * weights in 64 matrices of 512 x 512 (1 MiB per tensor and array). The targets are ratios
 * of step times measured in one run: LAMB at most 1.3x AdamW, global-norm clipping + AdamW
 * at most 1.25x AdamW, on 1 thread and on all.
 *
 * <p>{@code adamw} is the hand-written AdamW split by {@code StepRunner} as in
 * {@link RuleBench}; {@code adamw_clipped} and {@code lamb} are {@link ClipAdamW} and
 * {@link Lamb} (or their Vector API versions), tensor by tensor on the same number of
 * threads. JMH runs the rules of one {@code threads} value one after another, so their
 * ratios come from minutes apart, not from across the run (this host's bandwidth drifts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class TensorRuleBench {

    static final int TENSORS = 64;
    static final int ROWS = 512;
    static final int COLS = 512;
    /** The warm-up layout: 4 tensors of 256, so the JIT compiles the loops from method entry. */
    static final int WARM_TENSORS = 4;
    static final int WARM_SIZE = 256;

    @Param({"adamw", "adamw_clipped", "lamb"})
    public String rule;

    /** The hand-written Vector API kernels (the targets' yardstick) or the plain scalar loops. */
    @Param({"HAND_VECTOR"})
    public Impl impl;

    @Param({"1", "all"})
    public String threads;

    public float[] w0;
    public float[] w;
    /** Two gradients, used on alternate steps (as in {@link RuleBench}). */
    public float[][] g;
    public long steps;
    public Stepper stepper;

    @Setup(Level.Trial)
    public void setUp() {
        if (impl != Impl.HAND_VECTOR && impl != Impl.HAND_SCALAR) {
            throw new IllegalArgumentException("impl must be HAND_VECTOR or HAND_SCALAR, not " + impl);
        }
        float[][] data = RuleBench.randomData(TENSORS * ROWS * COLS);
        w0 = data[0];
        g = new float[][] {data[1], data[2]};
        w = w0.clone();
        int n = ExampleRules.threads(threads);
        stepper = stepper(TENSORS, ROWS * COLS, n);
        warmUp(rule, impl, n, w0, g);
    }

    /**
     * Steps {@code rule} in {@code impl} on a small layout (the first weights and gradients of
     * {@code w0} and {@code g}) until the JIT is quiet, at most 10 s: the generated passes take
     * seconds to compile, and timed before that they come out several times slower.
     */
    static void warmUp(String rule, Impl impl, int threads, float[] w0, float[][] g) {
        Stepper small = stepper(rule, impl, WARM_TENSORS, WARM_SIZE, threads);
        float[] ws = Arrays.copyOf(w0, WARM_TENSORS * WARM_SIZE);
        float[][] gs = {Arrays.copyOf(g[0], ws.length), Arrays.copyOf(g[1], ws.length)};
        small.reset(ws);
        long[] k = {0};
        JitWarmUp.run(() -> small.step(ws, gs[(int) (k[0]++ & 1)]), 10_000_000_000L);
    }

    /** The rule's stepper on {@code count} equal tensors of {@code size} weights. */
    private Stepper stepper(int count, int size, int threads) {
        return stepper(rule, impl, count, size, threads);
    }

    /** {@code rule} in {@code impl} on {@code count} equal tensors of {@code size} weights. */
    static Stepper stepper(String rule, Impl impl, int count, int size, int threads) {
        if (rule.equals("adamw")) {
            return impl.stepper("adamw", threads);
        }
        if (impl == Impl.SCALAR || impl == Impl.VECTOR || impl == Impl.INTERPRETER) {
            return new LayoutStepper(ExampleRules.rule(rule).compile(org.optjit.Backend.valueOf(impl.name()))
                    .bind(java.util.Map.of()).threads(threads), layout(count, size));
        }
        int[] offsets = new int[count];
        int[] sizes = new int[count];
        for (int k = 0; k < count; k++) {
            offsets[k] = k * size;
            sizes[k] = size;
        }
        boolean vector = impl == Impl.HAND_VECTOR;
        TensorBaseline baseline = switch (rule) {
            case "adamw_clipped" -> vector ? new VectorClipAdamW(ClipAdamW.DEFAULTS) : ClipAdamW.DEFAULTS;
            case "lamb" -> vector ? new VectorLamb(Lamb.DEFAULTS) : Lamb.DEFAULTS;
            default -> throw new IllegalArgumentException("no tensor baseline for '" + rule + "'");
        };
        return new TensorBaselineStepper(baseline, offsets, sizes, threads);
    }

    /** {@code count} matrices of {@code size} weights, 512 columns wide where they divide. */
    static org.optjit.Layout layout(int count, int size) {
        int cols = size % COLS == 0 ? COLS : size;
        org.optjit.Layout.Builder b = org.optjit.Layout.builder();
        for (int k = 0; k < count; k++) {
            b.matrix("m" + k, size / cols, cols);
        }
        return b.build();
    }

    /** Steps mutate weights and state: every iteration starts from the same point. */
    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(w0, 0, w, 0, w.length);
        stepper.reset(w);
    }

    @Benchmark
    public void step() {
        stepper.step(w, g[(int) (steps++ & 1)]);
    }

    /*
     * How to run (from the repository root, after benchmarks/run.sh smoke or a package):
     *   java -jar benchmarks/target/benchmarks.jar TensorRuleBench -p threads=1
     *   java -jar benchmarks/target/benchmarks.jar TensorRuleBench -p threads=all
     *   java -jar benchmarks/target/benchmarks.jar TensorRuleBench -p impl=HAND_SCALAR
     * The ratios are step times divided by adamw's at the same threads.
     */
}

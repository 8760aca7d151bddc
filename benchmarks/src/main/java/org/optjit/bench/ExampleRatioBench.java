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
 * An element-wise example rule on generated VECTOR against its bandwidth limit, measured
 * interleaved: one operation is one step of the rule and one step of the in-place limit
 * ({@link Impl#IN_PLACE}: {@code w[i] += s*g[i]} split by the same runner), on arrays of
 * the same size, in an order that alternates from one operation to the next, each step
 * timed on its own. On a shared host whose bandwidth drifts by a third within minutes, the
 * rule and its limit measured in separate forks (as {@link RuleBench} does) compare
 * different machines, and a short profile met fewer than half of its targets by noise;
 * steps that alternate every few tens of milliseconds see the same machine.
 *
 * <p>The secondary metrics {@code ruleNanos} and {@code limitNanos} are the total step
 * times of the rule and of the limit in an iteration, {@code ...BestNanos} the fastest
 * steps of the iteration (the least disturbed). The rule's effective bandwidth as a
 * fraction of the limit's (the target "85% of the in-place limit") is
 * {@code (rule bytes per weight / 12) * limitNanos / ruleNanos}, with the compiler's byte
 * counts ({@link Traffic}); {@code report.py} prints its median over iterations and the
 * range. The score itself (rule plus limit per operation) means little.
 *
 * <p>The rule steps its own weights and state, the limit its own copy of the weights; both
 * read the same two alternating gradients as {@link RuleBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 15, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g"})
public class ExampleRatioBench {

    /** 64 MiB per array: every step streams its arrays from memory. */
    static final int SIZE = 16_777_216;

    /** Each side's total and fastest step time within one iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long ruleNanos;
        public long limitNanos;
        public long ruleBestNanos;
        public long limitBestNanos;

        @Setup(Level.Iteration)
        public void clear() {
            ruleNanos = 0;
            limitNanos = 0;
            ruleBestNanos = 0;
            limitBestNanos = 0;
        }

        /** The smaller of a best time so far (0: none yet) and a new one. */
        private static long best(long sofar, long nanos) {
            return sofar == 0 ? nanos : Math.min(sofar, nanos);
        }

        void addRule(long nanos) {
            ruleNanos += nanos;
            ruleBestNanos = best(ruleBestNanos, nanos);
        }

        void addLimit(long nanos) {
            limitNanos += nanos;
            limitBestNanos = best(limitBestNanos, nanos);
        }
    }

    /**
     * The element-wise example rules that assign {@code w} ({@link ElementWiseRules} prints
     * them; {@code run.sh examples} passes its list, so a new example is measured there
     * without editing this default).
     */
    @Param({"adadelta", "adagrad", "adam", "adamax", "adamw", "adamw_warmup_cosine", "adan", "adaptive_gains",
        "adaptive_gains_momentum", "addsign", "amsgrad", "centered_rmsprop", "ema", "irprop_minus", "lion",
        "lookahead", "momentum", "momentum_schedule", "nadam", "nag_schedule", "nesterov", "powersign", "radam",
        "rmsprop", "rmsprop_momentum", "rmsprop_nesterov", "rprop", "sgd"})
    public String rule;

    /** Threads for one step: a number, or {@code all} (every available processor). */
    @Param({"1", "all"})
    public String threads;

    public float[] w0;
    public float[] w;
    public float[] limitW;
    public float[][] g;
    public Stepper ruleStepper;
    public Stepper limitStepper;
    public long steps;

    @Setup(Level.Trial)
    public void setUp() {
        if (!ElementWiseRules.measured(rule)) {
            throw new IllegalArgumentException("'" + rule + "' is not an element-wise rule that assigns w;"
                    + " its in-place limit is not the limit of its passes");
        }
        float[][] data = RuleBench.randomData(SIZE);
        w0 = data[0];
        g = new float[][] {data[1], data[2]};
        w = w0.clone();
        limitW = w0.clone();
        int n = ExampleRules.threads(threads);
        ruleStepper = Impl.VECTOR.stepper(rule, n);
        limitStepper = Impl.IN_PLACE.stepper(rule, n);
        RuleBench.warmUp(ruleStepper, w0, g, 10_000_000_000L);
        RuleBench.warmUp(limitStepper, w0, g, 10_000_000_000L);
    }

    /** Steps mutate weights and state: every iteration starts from the same point. */
    @Setup(Level.Iteration)
    public void reset() {
        System.arraycopy(w0, 0, w, 0, SIZE);
        System.arraycopy(w0, 0, limitW, 0, SIZE);
        ruleStepper.reset(w);
        limitStepper.reset(limitW);
    }

    /**
     * One step of the rule and one of the limit, each timed; which goes first changes every
     * two operations, so that either order meets either gradient.
     */
    @Benchmark
    public void round(Times times) {
        long s = steps++;
        float[] grad = g[(int) (s & 1)];
        if ((s & 2) == 0) {
            times.addRule(timeStep(ruleStepper, w, grad));
            times.addLimit(timeStep(limitStepper, limitW, grad));
        } else {
            times.addLimit(timeStep(limitStepper, limitW, grad));
            times.addRule(timeStep(ruleStepper, w, grad));
        }
    }

    private static long timeStep(Stepper stepper, float[] weights, float[] grad) {
        long t0 = System.nanoTime();
        stepper.step(weights, grad);
        return System.nanoTime() - t0;
    }

    /*
     * How to run (from the repository root; see benchmarks/README.md):
     *   benchmarks/run.sh examples
     *   java -jar benchmarks/target/benchmarks.jar ExampleRatioBench -p rule=lion,addsign -p threads=1,2 -rf json -rff r.json
     *   python3 benchmarks/report.py r.json
     */
}

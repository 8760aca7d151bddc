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
 * The ratios of {@link TensorRuleBench}, measured interleaved: one operation is one step
 * of each of {@code adamw}, {@code adamw_clipped} and {@code lamb} (each on its own weights
 * and state, the same gradients), in an order that rotates from one operation to the next,
 * each step timed on its own. On a shared host whose bandwidth drifts by a third within
 * minutes, rules measured one after another in separate forks compare different machines;
 * steps that alternate every few tens of milliseconds see the same one.
 *
 * <p>The secondary metrics {@code adamwNanos}, {@code clipNanos} and {@code lambNanos} are
 * each rule's total step time in an iteration, {@code ...BestNanos} its fastest step (the
 * least disturbed by other processes) and {@code ...CpuNanos} the CPU time the JVM spent
 * in its steps (all threads; the time a thread waits for a core does not count, the time
 * it waits for memory does). Their ratios to AdamW's are the targets' ratios
 * ({@code tensor_report.py} prints the median over iterations of each). On an
 * oversubscribed host (more runnable threads than cores) wall-clock times mostly measure
 * the scheduler, and the CPU-time ratio is the meaningful one.
 *
 * <p>As in {@link HandRatioBench}, where a rule's arrays lie in the heap moves its speed by a
 * few percent (the set allocated first ran slower, benchmarks/RESULTS.md, session 13), so
 * each rule is allocated first in forks of its own ({@code first}) and the forks ask for
 * transparent huge pages, which took most of that effect away.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx6g",
        "-XX:+UseTransparentHugePages"})
public class TensorRatioBench {

    private static final String[] RULES = {"adamw", "adamw_clipped", "lamb"};

    /** The CPU time of the whole JVM: every thread's time on a core, not the time waiting for one. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Each rule's total and fastest step time within one iteration, in ns. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long adamwNanos;
        public long clipNanos;
        public long lambNanos;
        public long adamwBestNanos;
        public long clipBestNanos;
        public long lambBestNanos;
        public long adamwCpuNanos;
        public long clipCpuNanos;
        public long lambCpuNanos;

        @Setup(Level.Iteration)
        public void clear() {
            adamwNanos = 0;
            clipNanos = 0;
            lambNanos = 0;
            adamwBestNanos = 0;
            clipBestNanos = 0;
            lambBestNanos = 0;
            adamwCpuNanos = 0;
            clipCpuNanos = 0;
            lambCpuNanos = 0;
        }

        /** The smaller of a best time so far (0: none yet; JMH also zeroes counters) and a new one. */
        private static long best(long sofar, long nanos) {
            return sofar == 0 ? nanos : Math.min(sofar, nanos);
        }

        void add(int rule, long nanos, long cpuNanos) {
            switch (rule) {
                case 0 -> {
                    adamwCpuNanos += cpuNanos;
                    adamwNanos += nanos;
                    adamwBestNanos = best(adamwBestNanos, nanos);
                }
                case 1 -> {
                    clipCpuNanos += cpuNanos;
                    clipNanos += nanos;
                    clipBestNanos = best(clipBestNanos, nanos);
                }
                default -> {
                    lambCpuNanos += cpuNanos;
                    lambNanos += nanos;
                    lambBestNanos = best(lambBestNanos, nanos);
                }
            }
        }
    }

    @Param({"HAND_VECTOR", "VECTOR"})
    public Impl impl;

    @Param({"1", "all"})
    public String threads;

    /** The rule whose stepper, state and weights are allocated first; the others follow in turn. */
    @Param({"adamw", "adamw_clipped", "lamb"})
    public String first;

    public float[] w0;
    public float[][] w;
    public float[][] g;
    public Stepper[] steppers;
    public long steps;

    @Setup(Level.Trial)
    public void setUp() {
        float[][] data = RuleBench.randomData(TensorRuleBench.TENSORS * TensorRuleBench.ROWS * TensorRuleBench.COLS);
        w0 = data[0];
        g = new float[][] {data[1], data[2]};
        int n = ExampleRules.threads(threads);
        steppers = new Stepper[RULES.length];
        w = new float[RULES.length][];
        int start = java.util.Arrays.asList(RULES).indexOf(first);
        for (int j = 0; j < RULES.length; j++) {
            int r = (start + j) % RULES.length;
            steppers[r] = TensorRuleBench.stepper(RULES[r], impl, TensorRuleBench.TENSORS,
                    TensorRuleBench.ROWS * TensorRuleBench.COLS, n);
            w[r] = w0.clone();
        }
        for (int r = 0; r < RULES.length; r++) {
            TensorRuleBench.warmUp(RULES[r], impl, n, w0, g);
        }
    }

    /** Steps mutate weights and state: every iteration starts from the same point. */
    @Setup(Level.Iteration)
    public void reset() {
        for (int r = 0; r < RULES.length; r++) {
            System.arraycopy(w0, 0, w[r], 0, w0.length);
            steppers[r].reset(w[r]);
        }
    }

    /** One step of each rule, the first rule rotating, each step timed. */
    @Benchmark
    public void round(Times times) {
        long s = steps++;
        float[] grad = g[(int) (s & 1)];
        for (int j = 0; j < RULES.length; j++) {
            int r = (int) ((s + j) % RULES.length);
            long cpu0 = CPU.getProcessCpuTime();
            long t0 = System.nanoTime();
            steppers[r].step(w[r], grad);
            long t1 = System.nanoTime();
            times.add(r, t1 - t0, CPU.getProcessCpuTime() - cpu0);
        }
    }

    /*
     * How to run (from the repository root):
     *   java -jar benchmarks/target/benchmarks.jar TensorRatioBench -rf json -rff ratio.json
     *   python3 benchmarks/tensor_report.py ratio.json
     */
}

package org.optjit.search.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.optjit.ast.Stmt;
import org.optjit.search.check.Checker;
import org.optjit.search.check.Dedup;
import org.optjit.search.space.Mutator;
import org.optjit.search.space.Vocabulary;
import org.optjit.syntax.RuleParser;
import org.optjit.train.Rng;

/**
 * Candidates per second on one core for what the driver does per child: generate it (a
 * mutation, a crossover or a random rule), check it (print it, analyse its tree, lower it to
 * IR with folding and dead-code removal), fingerprint it (six steps on 16 weights in two
 * tensors, on the interpreter), compile it (SCALAR, hidden classes) when it is new, and
 * de-duplicate it. The parents are a fixed population of the seeds' search forms and their
 * children; the de-duplication sets start empty each iteration. Every child counts, the ones
 * dropped as repeats or invalid too, as in a search.
 *
 * <p>{@code baseline} is generation alone. The target is 5,000 candidates per second. The
 * checker's code (the whole front end, the interpreter, the code generator) takes the JIT a
 * long warm-up, a minute or more on 2 shared cores, so the warm-up is long. Run with
 * {@code search/bench.sh} (see its header).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx1g"})
public class CandidateThroughputBench {

    private static final String[] SEEDS = {
        "w -= lr * g\n",
        "s0 = 0.9 * s0 - lr * g\nw += s0\n",
        "s0 = 0.9 * s0 + (1 - 0.9) * g\ns1 = 0.999 * s1 + (1 - 0.999) * g^2\nu0 = s0 / (1 - 0.9^t)\n"
                + "u1 = s1 / (1 - 0.999^t)\nw -= lr * u0 / (sqrt(u1) + 1e-8)\n",
    };

    private Mutator mutator;
    private List<List<Stmt>> parents;
    private Checker checker;
    private Rng rng;

    @Setup(Level.Trial)
    public void population() {
        mutator = new Mutator(Vocabulary.ofLanguage());
        rng = new Rng(1);
        parents = new ArrayList<>();
        for (String s : SEEDS) {
            parents.add(RuleParser.parse(s, "seed.opt").statements());
        }
        Checker warm = new Checker(new Dedup());
        while (parents.size() < 64) {
            Mutator.Child c = mutator.mutate(parents.get(rng.nextInt(parents.size())), rng);
            if (warm.check(c.statements()).accepted()) {
                parents.add(c.statements());
            }
        }
    }

    @Setup(Level.Iteration)
    public void freshDedup() {
        checker = new Checker(new Dedup());
    }

    private Mutator.Child child() {
        double u = rng.nextDouble();
        if (u < 0.1) {
            return mutator.random(rng);
        }
        List<Stmt> a = parents.get(rng.nextInt(parents.size()));
        if (u < 0.3) {
            return mutator.cross(a, parents.get(rng.nextInt(parents.size())), rng);
        }
        return mutator.mutate(a, rng);
    }

    @Benchmark
    public Mutator.Child baseline() {
        return child();
    }

    @Benchmark
    @Warmup(iterations = 12, time = 5)
    @Measurement(iterations = 10, time = 5)
    public void generateCheckCompile(Blackhole bh, CpuRate rate) {
        bh.consume(checker.check(child().statements()));
        rate.candidates++;
    }

    /**
     * Candidates per second of the benchmark thread's CPU time, beside JMH's rate per second
     * of wall time: the rate on one core even when other processes share the machine (the
     * wall-time rate then falls with the load, this one much less). JMH divides an
     * OPERATIONS counter by the iteration's wall time and averages over iterations as it
     * does the score, so the counter holds the candidates scaled by wall time / CPU time.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class CpuRate {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** The candidates of the iteration times its wall time over its CPU time. */
        public double perCpuSecond;
        long candidates;
        private long cpuStart;
        private long wallStart;

        @Setup(Level.Iteration)
        public void start() {
            candidates = 0;
            perCpuSecond = 0;
            wallStart = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            perCpuSecond = candidates * (double) (System.nanoTime() - wallStart) / Math.max(1, cpu);
        }
    }
}

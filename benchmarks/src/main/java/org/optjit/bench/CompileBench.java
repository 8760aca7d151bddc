package org.optjit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.optjit.Rule;

/**
 * Compile latency, warm: parse, analyse, generate and define the hidden class of one
 * example rule ({@code Rule.parse(...).compile(backend)}). The target is under 1 ms.
 * {@code run.sh} passes every file of {@code examples/} as {@code -p rule=...}.
 *
 * <p>Warm takes a while: a compile runs ANTLR, ASM and every stage of the compiler, and
 * C2 needs about 10 s on 2 cores to compile all of it. Until then iterations are a few
 * times slower than the steady state and vary widely (with 3 one-second warm-up
 * iterations, the measured ones are still in that transition); about half of the steady
 * state is the JVM defining and verifying the hidden class (KernelClasses.define). So the
 * warm-up here, and in run.sh, is 10-12 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class CompileBench {

    @Param({"sgd", "momentum", "nesterov", "rmsprop", "adam", "rprop", "adaptive_gains"})
    public String rule;

    @Param({"SCALAR", "VECTOR"})
    public Backend backend;

    public String source;
    public String fileName;

    @Setup
    public void setUp() {
        source = ExampleRules.source(rule);
        fileName = rule + ".opt";
    }

    /** Returned, so JMH sinks it into a Blackhole. */
    @Benchmark
    public Kernel compile() {
        return Rule.parse(source, fileName).compile(backend);
    }

    /*
     * How to run (from the repository root; see benchmarks/README.md):
     *   benchmarks/run.sh quick        the whole suite, quick profile
     *   java -jar benchmarks/target/benchmarks.jar CompileBench.compile -p rule=adam,rprop
     */
}

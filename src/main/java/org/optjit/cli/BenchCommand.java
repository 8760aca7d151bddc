package org.optjit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.baseline.Bandwidth;
import org.optjit.baseline.JitWarmUp;
import org.optjit.ir.Program;
import org.optjit.runtime.StepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optjit bench FILE}: a quick, self-timed run of one rule on every backend beside
 * the measured in-place memory bandwidth ({@code a[i] += s*b[i]}, the limit for a loop
 * that writes back what it reads). Effective bandwidth counts the bytes the compiler says
 * a step reads and writes per weight. For careful numbers use the JMH suite in
 * {@code benchmarks/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time one rule on every backend beside the machine's in-place memory bandwidth.",
            "Prints time per step, effective GB/s and the percentage of the bandwidth limit."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The rule (.opt file).")
    Path file;

    @Option(names = "--size", paramLabel = "N", description = "Weights per step (default: ${DEFAULT-VALUE}).",
            defaultValue = "16777216")
    int size;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads per step (default: the optjit.threads property, else all processors).")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Wall time of the whole measurement, warm-ups included, shared among the bandwidth"
                    + " and the backends (default: ${DEFAULT-VALUE}); a step longer than its share is timed on one run.",
            defaultValue = "10")
    double seconds;

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
            description = "Hyperparameter values (default: the rule's defaults).")
    Map<String, Double> hypers = new LinkedHashMap<>();

    @Option(names = "--warm-up", paramLabel = "S", defaultValue = "10",
            description = "Longest warm-up per measurement, in seconds (default: ${DEFAULT-VALUE}), within its share"
                    + " of --seconds: each loop runs on a small array until the JIT has compiled it.")
    double warmUp;

    /** When the measurement started, for the --seconds budget. */
    private long startNanos;

    /** Measurements still to run (the bandwidth, then each backend), sharing what is left of the budget. */
    private int measurementsLeft;

    /** Weights of the small array each loop is warmed up on ({@link JitWarmUp}). */
    private static final int WARM_UP_SIZE = 1024;

    @Override
    public Integer call() {
        checkOptions();
        startNanos = System.nanoTime();
        measurementsLeft = 4;
        int nThreads = threads != null ? threads : StepRunner.defaultThreads();
        Rule rule = Rule.load(file);
        // unknown or missing hyperparameters fail here, before seconds of measuring
        rule.compile(Backend.INTERPRETER).bind(hypers);
        Program program = rule.program();
        int bytes = program.bytesReadPerWeight() + program.bytesWrittenPerWeight();
        SplittableRandom random = new SplittableRandom(1);
        float[] w0 = randoms(random, size, 1f);
        float[][] g = gradients(random, size);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("rule %s (%s): %,d weights, %d thread%s, %d bytes per weight per step (%d read, %d written)%n",
                rule.name(), file, size, nThreads, nThreads == 1 ? "" : "s", bytes,
                program.bytesReadPerWeight(), program.bytesWrittenPerWeight());
        out.flush();

        double limit = gigabytesPerSecond(Bandwidth.IN_PLACE.bytesPerElement(), timeInPlace(w0, g[0], nThreads));
        out.printf("in-place bandwidth (a[i] += s*b[i]): %.1f GB/s%n%n", limit);
        out.printf("%-12s %12s %10s %16s%n", "backend", "ms/step", "GB/s", "% of bandwidth");
        Backend auto = rule.compile(Backend.AUTO).backend();
        for (Backend backend : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
            String mark = backend == auto ? "   <- AUTO" : "";
            Kernel kernel;
            try {
                kernel = rule.compile(backend);
            } catch (RuleException e) {
                out.printf("%-12s unavailable: %s%n", backend, e.getMessage());
                measurementsLeft--;
                continue;
            }
            Optimizer opt = kernel.bind(hypers).threads(nThreads);
            double secondsPerStep = timeRule(opt, w0, g);
            double rate = gigabytesPerSecond(bytes, secondsPerStep);
            out.printf("%-12s %12.3f %10.2f %15.0f%%%s%n", backend, secondsPerStep * 1e3, rate,
                    100 * rate / limit, mark);
            out.flush();
        }
        out.printf("%nAUTO picks %s here.%n", auto);
        return 0;
    }

    private void checkOptions() {
        if (size < 1) {
            throw new UserError("optjit bench: --size must be at least 1, got " + size);
        }
        if (threads != null && threads < 1) {
            throw new UserError("optjit bench: --threads must be at least 1, got " + threads);
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new UserError("optjit bench: --seconds must be more than 0 and at most 3600, got " + seconds);
        }
        if (!(warmUp >= 0) || warmUp > 3600) {
            throw new UserError("optjit bench: --warm-up must be at least 0 and at most 3600, got " + warmUp);
        }
    }

    /** This measurement's share of what is left of the --seconds budget. */
    private long shareNanos() {
        long left = (long) (seconds * 1e9) - (System.nanoTime() - startNanos);
        return Math.max(0, left / Math.max(1, measurementsLeft));
    }

    /** At most --warm-up, and at most half of this measurement's share. */
    private long warmUpNanos() {
        return Math.min((long) (warmUp * 1e9), shareNanos() / 2);
    }

    private double gigabytesPerSecond(int bytesPerWeight, double secondsPerStep) {
        return (double) bytesPerWeight * size / secondsPerStep / 1e9;
    }

    /** Seconds per step of the rule over fresh copies of {@code w0}, after warming up its loop. */
    private double timeRule(Optimizer opt, float[] w0, float[][] g) {
        float[] small = Arrays.copyOf(w0, Math.min(WARM_UP_SIZE, size));
        float[][] smallG = {Arrays.copyOf(g[0], small.length), Arrays.copyOf(g[1], small.length)};
        OptimizerState smallState = opt.newState(small);
        JitWarmUp.run(() -> opt.step(small, smallG[(int) (smallState.t() & 1)], smallState), warmUpNanos());
        float[] w = w0.clone();
        OptimizerState state = opt.newState(w);
        return secondsPerRun(() -> opt.step(w, g[(int) (state.t() & 1)], state));
    }

    /** Seconds per pass of the in-place bandwidth kernel, split like a rule's step. */
    private double timeInPlace(float[] w0, float[] b, int nThreads) {
        float[] a = w0.clone();
        float[] s = {1e-7f};
        float[][] none = new float[0][];
        JitWarmUp.run(() -> Bandwidth.IN_PLACE.run(a, b, none, s, 0, Math.min(WARM_UP_SIZE, size)), warmUpNanos());
        return secondsPerRun(() -> StepRunner.run(Bandwidth.IN_PLACE, a, b, none, s, 0, size, nThreads));
    }

    /**
     * One untimed run (page faults, last compilations), then runs for this measurement's
     * share of {@code --seconds} in batches of about a millisecond: the median time per run
     * over the batches, which resists a batch delayed by another process or a GC pause. No
     * batch starts that would end past the share.
     */
    private double secondsPerRun(Runnable r) {
        long budget = shareNanos();
        measurementsLeft--;
        long start = System.nanoTime();
        r.run();
        long first = System.nanoTime() - start;
        if (first >= budget / 2) {
            // a step too long for batches within the budget: one more run, past the cold first one, is the measurement
            long again = System.nanoTime();
            r.run();
            return (System.nanoTime() - again) / 1e9;
        }
        int batch = 1;
        for (long t = System.nanoTime(); t - start < Math.min(1_000_000, budget / 10); t = System.nanoTime()) {
            r.run();
            batch++;
        }
        long[] times = new long[1 + (int) Math.min(100_000, budget / 1_000_000)];
        int count = 0;
        long end = start + budget;
        long now;
        long last;
        do {
            long before = System.nanoTime();
            for (int k = 0; k < batch; k++) {
                r.run();
            }
            now = System.nanoTime();
            last = now - before;
            times[count++] = last;
        } while (now + last < end && count < times.length);
        Arrays.sort(times, 0, count);
        return times[count / 2] / 1e9 / batch;
    }

    /**
     * Two random gradients, for alternate steps, that agree in sign on a random half of the
     * weights: {@code g * g_prev} is then positive or negative unpredictably, as in training,
     * and conditional rules take both branches.
     */
    private static float[][] gradients(SplittableRandom random, int n) {
        float[][] g = {randoms(random, n, 0.1f), new float[n]};
        for (int i = 0; i < n; i++) {
            g[1][i] = (random.nextBoolean() ? 1 : -1) * g[0][i];
        }
        return g;
    }

    private static float[] randoms(SplittableRandom random, int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1) * scale;
        }
        return x;
    }
}

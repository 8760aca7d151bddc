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
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.baseline.Bandwidth;
import org.optjit.baseline.JitWarmUp;
import org.optjit.ir.Program;
import org.optjit.phase.Plan;
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

    @Option(names = "--layout", paramLabel = "SHAPES",
            description = {"Tensors instead of one vector of --size: comma-separated N (a vector), RxC (a matrix)"
                    + " or KxRxC (K matrices), e.g. 64x512x512, or 256x784,256,10x256,10 (the Fashion-MNIST MLP).",
                "Rules over tensors run per tensor: time them on the layout they will meet."})
    String layoutSpec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads per step (default: the optjit.threads property, else all processors).")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Wall time of the whole measurement, warm-ups included, shared among the bandwidth"
                    + " and the backends (default: 10, or 30 for a rule over tensors, which has more code for the"
                    + " JIT to compile); a step longer than its share is timed on one run.")
    Double seconds;

    /** --seconds, or its default for the rule. */
    private double budgetSeconds;

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

    /** Whether the JIT went quiet in the last measurement's warm-up on a small array ({@link JitWarmUp}). */
    private boolean warmedUp;

    /** Whether a compiled backend's row was timed before the JIT went quiet. */
    private boolean unsettled;

    /** Marks a row whose warm-up ran out of time. */
    private static final String COMPILING = " *";

    /** Weights of the small array each loop is warmed up on ({@link JitWarmUp}). */
    private static final int WARM_UP_SIZE = 1024;

    /** What a loop over a layout is warmed up on: a matrix and a vector, about {@link #WARM_UP_SIZE} weights. */
    private static final Layout WARM_UP_LAYOUT = Layout.builder().matrix("m", 24, 40).vector("v", 64).build();

    @Override
    public Integer call() {
        checkOptions();
        startNanos = System.nanoTime();
        measurementsLeft = 4;
        int nThreads = threads != null ? threads : StepRunner.defaultThreads();
        Layout layout = layoutSpec == null ? null : LayoutSpec.parse("optjit bench: --layout", layoutSpec);
        if (layout != null) {
            size = layout.size();
        }
        Rule rule = Rule.load(file);
        // unknown or missing hyperparameters fail here, before seconds of measuring
        Kernel interpreted = rule.compile(Backend.INTERPRETER);
        interpreted.bind(hypers);
        budgetSeconds = seconds != null ? seconds : interpreted.plan() != null ? 30 : 10;
        Program program = rule.program();
        int bytes = program.bytesReadPerWeight() + program.bytesWrittenPerWeight();
        SplittableRandom random = new SplittableRandom(1);
        float[] w0 = randoms(random, size, 1f);
        float[][] g = gradients(random, size);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("rule %s (%s): %,d weights%s, %d thread%s, %d bytes per weight per step (%d read, %d written)%n",
                rule.name(), file, size, layout == null ? "" : " in " + LayoutSpec.describe(layout), nThreads,
                nThreads == 1 ? "" : "s", bytes, program.bytesReadPerWeight(), program.bytesWrittenPerWeight());
        Plan plan = interpreted.plan();
        if (plan != null) {
            int planBytes = plan.bytesReadPerWeight() + plan.bytesWrittenPerWeight();
            out.printf("%d passes over the weights, tensor by tensor: %d bytes per weight in all (%d read, %d written;"
                    + " `optjit explain` shows them)%n", plan.passes().size(), planBytes, plan.bytesReadPerWeight(),
                    plan.bytesWrittenPerWeight());
        }
        out.flush();

        double limit = gigabytesPerSecond(Bandwidth.IN_PLACE.bytesPerElement(), timeInPlace(w0, g[0], nThreads));
        out.printf("in-place bandwidth (a[i] += s*b[i]): %.1f GB/s%s%n%n", limit, warmedUp ? "" : COMPILING);
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
            double secondsPerStep = timeRule(opt, w0, g, layout);
            double rate = gigabytesPerSecond(bytes, secondsPerStep);
            out.printf("%-12s %12.3f %10.2f %15.0f%%%s%s%n", backend, secondsPerStep * 1e3, rate,
                    100 * rate / limit, mark, warmedUp || backend == Backend.INTERPRETER ? "" : COMPILING);
            unsettled |= !warmedUp && backend != Backend.INTERPRETER;
            out.flush();
        }
        out.printf("%nAUTO picks %s here.%n", auto);
        if (unsettled) {
            out.printf("*: timed before the JIT went quiet (the warm-up ran out of its share of --seconds): with more"
                    + " --seconds (%s here) the time may still fall.%n", org.optjit.ast.AstPrinter.number(budgetSeconds));
        }
        return 0;
    }

    private void checkOptions() {
        if (layoutSpec != null && spec.commandLine().getParseResult().hasMatchedOption("--size")) {
            throw new UserError("optjit bench: give --size or --layout, not both (a layout has the size of its tensors)");
        }
        if (size < 1) {
            throw new UserError("optjit bench: --size must be at least 1, got " + size);
        }
        if (threads != null && threads < 1) {
            throw new UserError("optjit bench: --threads must be at least 1, got " + threads);
        }
        if (seconds != null && (!(seconds > 0) || seconds > 3600)) {
            throw new UserError("optjit bench: --seconds must be more than 0 and at most 3600, got " + seconds);
        }
        if (!(warmUp >= 0) || warmUp > 3600) {
            throw new UserError("optjit bench: --warm-up must be at least 0 and at most 3600, got " + warmUp);
        }
    }

    /** This measurement's share of what is left of the --seconds budget. */
    private long shareNanos() {
        long left = (long) (budgetSeconds * 1e9) - (System.nanoTime() - startNanos);
        return Math.max(0, left / Math.max(1, measurementsLeft));
    }

    /** At most --warm-up, and at most half of this measurement's share. */
    private long warmUpNanos() {
        return Math.min((long) (warmUp * 1e9), shareNanos() / 2);
    }

    /** After the warm-up on a small array: at most --warm-up, and at most a third of what is left of the share. */
    private long settleNanos() {
        return Math.min((long) (warmUp * 1e9), shareNanos() / 3);
    }

    private double gigabytesPerSecond(int bytesPerWeight, double secondsPerStep) {
        return (double) bytesPerWeight * size / secondsPerStep / 1e9;
    }

    /**
     * Seconds per step of the rule over fresh copies of {@code w0} (on {@code layout}, or as one
     * vector when it is null), after warming up its loop on a small array (with a layout: a
     * small matrix and a vector, so that both kinds of tensor are compiled) and then on the
     * real one until the JIT is quiet again.
     */
    private double timeRule(Optimizer opt, float[] w0, float[][] g, Layout layout) {
        Layout smallLayout = layout == null ? null : WARM_UP_LAYOUT;
        float[] small = Arrays.copyOf(w0, smallLayout == null ? Math.min(WARM_UP_SIZE, size) : smallLayout.size());
        float[][] smallG = {Arrays.copyOf(g[0], small.length), Arrays.copyOf(g[1], small.length)};
        OptimizerState smallState = smallLayout == null ? opt.newState(small) : opt.newState(small, smallLayout);
        warmedUp = JitWarmUp.run(() -> opt.step(small, smallG[(int) (smallState.t() & 1)], smallState), warmUpNanos());
        float[] w = w0.clone();
        OptimizerState state = layout == null ? opt.newState(w) : opt.newState(w, layout);
        Runnable step = () -> opt.step(w, g[(int) (state.t() & 1)], state);
        JitWarmUp.settle(step, settleNanos()); // best effort: a big step's rounds rarely end quiet on a short budget
        return secondsPerRun(step);
    }

    /** Seconds per pass of the in-place bandwidth kernel, split like a rule's step. */
    private double timeInPlace(float[] w0, float[] b, int nThreads) {
        float[] a = w0.clone();
        float[] s = {1e-7f};
        float[][] none = new float[0][];
        warmedUp = JitWarmUp.run(() -> Bandwidth.IN_PLACE.run(a, b, none, s, 0, Math.min(WARM_UP_SIZE, size)),
                warmUpNanos());
        Runnable pass = () -> StepRunner.run(Bandwidth.IN_PLACE, a, b, none, s, 0, size, nThreads);
        JitWarmUp.settle(pass, settleNanos());
        return secondsPerRun(pass);
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

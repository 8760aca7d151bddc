package org.optjit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.baseline.Bandwidth;
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
 * a step reads and writes per weight. With {@code --vs OTHER} it times the two rules
 * alternately instead and prints the ratio of their step times. For careful numbers use the
 * JMH suite in {@code benchmarks/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time one rule on every backend beside the machine's in-place memory bandwidth.",
            "Prints time per step, effective GB/s and the percentage of the bandwidth limit;",
            "with --vs, the ratio of two rules' step times, measured alternately."})
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

    @Option(names = "--vs", paramLabel = "OTHER",
            description = {"A second rule (a file, or a chain a.opt+b.opt) to time alternately with FILE on the same"
                    + " data, at its defaults (--set is FILE's): prints both step times and FILE's time over OTHER's,"
                    + " per compiled backend.",
                "e.g. bench examples/lamb.opt --vs examples/adamw.opt --layout 64x512x512"})
    Path vs;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads per step (default: the optjit.threads property, else all processors).")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Wall time of the whole measurement, warm-ups included, shared among the bandwidth"
                    + " and the backends (default: 10, or 30 for a rule over tensors, which has more code for the"
                    + " JIT to compile); a step longer than its share is timed on one run.")
    Double seconds;

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
            description = "Hyperparameter values (default: the rule's defaults).")
    Map<String, Double> hypers = new LinkedHashMap<>();

    @Option(names = "--warm-up", paramLabel = "S", defaultValue = "10",
            description = "Longest warm-up per measurement, in seconds (default: ${DEFAULT-VALUE}), within its share"
                    + " of --seconds: each loop runs on a small array until the JIT has compiled it.")
    double warmUp;

    /** Marks a row whose warm-up ran out of time. */
    private static final String COMPILING = " *";

    @Override
    public Integer call() {
        checkOptions();
        int nThreads = threads != null ? threads : StepRunner.defaultThreads();
        Layout layout = layoutSpec == null ? null : LayoutSpec.parse("optjit bench: --layout", layoutSpec);
        if (layout != null) {
            size = layout.size();
        }
        Rule rule = Rule.load(file);
        // unknown or missing hyperparameters fail here, before seconds of measuring
        Kernel interpreted = rule.compile(Backend.INTERPRETER);
        interpreted.bind(hypers);
        Rule other = vs == null ? null : Rule.load(vs);
        Kernel otherInterpreted = other == null ? null : other.compile(Backend.INTERPRETER);
        if (otherInterpreted != null) {
            otherInterpreted.bind(Map.of());
        }
        boolean tensors = interpreted.plan() != null || otherInterpreted != null && otherInterpreted.plan() != null;
        BenchClock clock = new BenchClock(seconds != null ? seconds : tensors ? 30 : 10, warmUp,
                other == null ? 4 : 2);
        SplittableRandom random = new SplittableRandom(1);
        float[] w0 = randoms(random, size, 1f);
        float[][] g = gradients(random, size);
        PrintWriter out = spec.commandLine().getOut();
        String where = String.format("%,d weights%s, %d thread%s", size,
                layout == null ? "" : " in " + LayoutSpec.describe(layout), nThreads, nThreads == 1 ? "" : "s");
        if (other == null) {
            out.printf("rule %s (%s): %s, %s%n", rule.name(), file, where, traffic(rule, interpreted));
        } else {
            out.printf("rule %s (%s) against %s (%s), each on its own copy of the %s%n", rule.name(), file, other.name(),
                    vs, where);
            out.printf("%s: %s%n", rule.name(), traffic(rule, interpreted));
            out.printf("%s: %s%n", other.name(), traffic(other, otherInterpreted));
        }
        out.flush();
        Backend auto = rule.compile(Backend.AUTO).backend();
        boolean unsettled = other == null ? alone(out, clock, rule, w0, g, layout, nThreads, auto)
                : against(out, clock, rule, other, w0, g, layout, nThreads, auto);
        out.printf("%nAUTO picks %s here.%n", auto);
        if (unsettled) {
            out.printf("*: timed before the JIT went quiet (the warm-up ran out of its share of --seconds): with more"
                    + " --seconds (%s here) the time may still fall.%n",
                    AstPrinter.number(clock.budgetSeconds()));
        }
        return 0;
    }

    /** A rule's bytes per weight and step, and for a rule over tensors its passes and what they move. */
    private static String traffic(Rule rule, Kernel interpreted) {
        Program program = rule.program();
        String bytes = String.format("%d bytes per weight per step (%d read, %d written)",
                program.bytesReadPerWeight() + program.bytesWrittenPerWeight(), program.bytesReadPerWeight(),
                program.bytesWrittenPerWeight());
        Plan plan = interpreted.plan();
        if (plan == null) {
            return bytes;
        }
        return bytes + String.format("%n  in %d passes over the weights, tensor by tensor: %d bytes per weight in all"
                + " (%d read, %d written; `optjit explain` shows them)", plan.passes().size(),
                plan.bytesReadPerWeight() + plan.bytesWrittenPerWeight(), plan.bytesReadPerWeight(),
                plan.bytesWrittenPerWeight());
    }

    /** One rule on each backend beside the bandwidth; whether a compiled row was timed before the JIT went quiet. */
    private boolean alone(PrintWriter out, BenchClock clock, Rule rule, float[] w0, float[][] g, Layout layout,
                          int nThreads, Backend auto) {
        float[] a = w0.clone();
        float[] s = {1e-7f};
        float[][] none = new float[0][];
        clock.warmUp(() -> Bandwidth.IN_PLACE.run(a, g[0], none, s, 0, Math.min(BenchClock.WARM_UP_SIZE, size)), 0.5);
        Runnable pass = () -> StepRunner.run(Bandwidth.IN_PLACE, a, g[0], none, s, 0, size, nThreads);
        clock.settle(pass, 0.5);
        double limit = gigabytesPerSecond(Bandwidth.IN_PLACE.bytesPerElement(), clock.secondsPerRun(pass));
        out.printf("in-place bandwidth (a[i] += s*b[i]): %.1f GB/s%s%n%n", limit, clock.warmedUp() ? "" : COMPILING);
        out.printf("%-12s %12s %10s %16s%n", "backend", "ms/step", "GB/s", "% of bandwidth");
        int bytes = rule.program().bytesReadPerWeight() + rule.program().bytesWrittenPerWeight();
        boolean unsettled = false;
        // The compiled backends are timed first, the interpreter last: its steps on a large array
        // take seconds and would eat the share the compiled kernels need to get JIT-compiled
        // (the rows are printed in the usual order).
        Map<Backend, String> rows = new java.util.EnumMap<>(Backend.class);
        for (Backend backend : List.of(Backend.VECTOR, Backend.SCALAR, Backend.INTERPRETER)) {
            java.io.StringWriter row = new java.io.StringWriter();
            PrintWriter rowOut = new PrintWriter(row);
            Optimizer opt = compiled(rowOut, clock, rule, backend, hypers, nThreads);
            if (opt != null) {
                double secondsPerStep = clock.secondsPerRun(clock.prepare(opt, w0, g, layout, 0.5));
                boolean late = !clock.warmedUp() && backend != Backend.INTERPRETER;
                double rate = gigabytesPerSecond(bytes, secondsPerStep);
                rowOut.printf("%-12s %12.3f %10.2f %15.0f%%%s%s%n", backend, secondsPerStep * 1e3, rate,
                        100 * rate / limit, backend == auto ? "   <- AUTO" : "", late ? COMPILING : "");
                unsettled |= late;
            }
            rowOut.flush();
            rows.put(backend, row.toString());
        }
        for (Backend backend : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
            out.print(rows.get(backend));
        }
        out.flush();
        return unsettled;
    }

    /** Two rules alternately on each compiled backend; whether a row was timed before the JIT went quiet. */
    private boolean against(PrintWriter out, BenchClock clock, Rule rule, Rule other, float[] w0, float[][] g,
                            Layout layout, int nThreads, Backend auto) {
        out.printf("%nsteps of the two alternate; the ratio is %s's time over %s's in each round: median"
                + " (least-greatest)%n%n", rule.name(), other.name());
        String a = rule.name() + " ms/step";
        String b = other.name() + " ms/step";
        String r = rule.name() + " / " + other.name();
        int wa = Math.max(12, a.length());
        int wb = Math.max(12, b.length());
        out.printf("%-12s %" + wa + "s %" + wb + "s   %-24s %7s%n", "backend", a, b, r, "rounds");
        boolean unsettled = false;
        for (Backend backend : List.of(Backend.SCALAR, Backend.VECTOR)) {
            Optimizer first = compiled(out, clock, rule, backend, hypers, nThreads);
            Optimizer second = first == null ? null : compiled(out, clock, other, backend, Map.of(), nThreads);
            if (second == null) {
                continue;
            }
            Runnable stepA = clock.prepare(first, w0, g, layout, 0.25);
            Runnable stepB = clock.prepare(second, w0, g, layout, 0.3);
            boolean late = !clock.warmedUp();
            BenchClock.Paired p = clock.paired(stepA, stepB);
            String ratio = String.format(java.util.Locale.ROOT, "%.2fx (%.2f-%.2f)", p.ratio(), p.minRatio(),
                    p.maxRatio());
            out.printf("%-12s %" + wa + ".3f %" + wb + ".3f   %-24s %7d%s%s%n", backend, p.secondsA() * 1e3,
                    p.secondsB() * 1e3, ratio, p.rounds(), backend == auto ? "   <- AUTO" : "", late ? COMPILING : "");
            unsettled |= late;
            out.flush();
        }
        return unsettled;
    }

    /** {@code rule} compiled for {@code backend} and bound, or null (with a row saying why) when it is unavailable. */
    private static Optimizer compiled(PrintWriter out, BenchClock clock, Rule rule, Backend backend,
                                      Map<String, Double> values, int nThreads) {
        try {
            return rule.compile(backend).bind(values).threads(nThreads);
        } catch (RuleException e) {
            out.printf("%-12s unavailable: %s%n", backend, e.getMessage());
            clock.skip();
            return null;
        }
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

    private double gigabytesPerSecond(int bytesPerWeight, double secondsPerStep) {
        return (double) bytesPerWeight * size / secondsPerStep / 1e9;
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

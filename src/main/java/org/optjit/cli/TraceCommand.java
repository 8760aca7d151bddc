package org.optjit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.Rule;
import org.optjit.train.trace.PathTracer;
import org.optjit.train.trace.Surface;
import org.optjit.train.trace.TracedPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optjit trace}: the 2-D paths of rules on an elongated quadratic bowl and on
 * Rosenbrock's valley, drawn over contour lines (the picture of lecture 6a).
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the paths of update rules on a 2-D elongated bowl and on Rosenbrock's function.",
            "Writes trace-bowl.png/.svg and trace-rosenbrock.png/.svg under --out."})
public final class TraceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Update rules (.opt files).")
    List<Path> files;

    @Option(names = "--surface", paramLabel = "KIND", description = "bowl, rosenbrock, or both (default).")
    String surface = "both";

    @Option(names = "--steps", paramLabel = "N", description = "Steps per path (default: 150 on the bowl, 600 on Rosenbrock).")
    Integer steps;

    @Option(names = "--set", paramLabel = "[RULE.]NAME=VALUE", split = ",",
            description = {"A hyperparameter value for every rule that has it, or for one rule with RULE. in front.",
                "The learning rate is eps in the lecture's rules (sgd, momentum, rmsprop, ...), lr in the modern ones."})
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<date>-trace).")
    Path out;

    @Option(names = "--backend", paramLabel = "KIND", description = "interpreter, scalar, vector, auto (default).")
    String backend = "auto";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (steps != null && steps < 1) {
            throw new UserError("--steps must be at least 1, got " + steps);
        }
        List<Surface> surfaces = surface.equalsIgnoreCase("both") ? List.of(Surface.values())
                : List.of(Choices.parse("--surface", surface, Surface.class));
        List<Rule> rules = files.stream().map(Rule::load).toList();
        IdleOptions.noRepeatedNames(spec.commandLine().getParseResult(), "--set");
        Map<String, Map<String, Double>> hypers = RuleHypers.assign(rules, RunOptions.numbers("--set", set));
        org.optjit.Backend b = Choices.parse("--backend", backend, org.optjit.Backend.class);
        Path dir = out != null ? out : RunDirectories.fresh(Path.of("runs"), "trace");
        RunDirectories.createDirectories(dir);
        for (Surface s : surfaces) {
            int n = steps != null ? steps : s.defaultSteps();
            Map<String, TracedPath> paths = new LinkedHashMap<>();
            for (Rule r : rules) {
                Kernel k = r.compile(b);
                Optimizer opt = k.bind(hypers.get(RuleHypers.label(rules, r)));
                TracedPath p = PathTracer.trace(opt, s, n);
                String label = RuleHypers.label(rules, r);
                paths.put(label, p);
                pw.printf(Locale.ROOT, "%-11s %-16s f = %.4g after %d steps%s%n", Choices.name(s), label,
                        p.finalValue(s), p.points() - 1,
                        p.outcome() == TracedPath.Outcome.DIVERGED ? " (diverged: the weights became NaN or infinite)" : "");
            }
            Charts.paths(s, paths, dir.resolve("trace-" + Choices.name(s)));
        }
        pw.println("wrote " + dir);
        return 0;
    }
}

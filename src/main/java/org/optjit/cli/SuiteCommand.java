package org.optjit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.DivergenceException;
import org.optjit.train.EpochMetrics;
import org.optjit.train.TrainConfig;
import org.optjit.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optjit suite}: every rule on every workload from the same seeds, scored AlgoPerf-style
 * by the time each takes to reach each workload's validation target ({@link SuiteWorkload}).
 */
@Command(name = "suite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains every rule on every workload from the same seeds and ranks them by time to target.",
            "Writes summary.md, results.csv, results.jsonl, <workload>/val-error.png/.svg, <workload>/<rule>/metrics.*"
                    + " and performance-profile.png/.svg under --out."},
        footer = {"", "Workloads: blobs-mlp, curves-autoencoder, modular-addition-small (the default set),"
                + " modular-addition, fashion-mnist-mlp, fashion-mnist-lenet5.",
            "--set NAME=VALUE applies to every rule that has NAME; RULE.NAME=VALUE to one rule."})
public final class SuiteCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RULE", description = "Update rules (.opt files).")
    List<Path> files;

    @Option(names = "--workloads", paramLabel = "LIST", description = "Comma-separated workloads (default: the default set).")
    String workloads = String.join(",", SuiteWorkload.DEFAULT_SET);

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<date>-suite).")
    Path out;

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",", description = "A hyperparameter value (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every workload (default: 1).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--blas", paramLabel = "KIND", description = "auto (default), native or java.")
    String blas = "auto";

    @Option(names = "--epochs", paramLabel = "N", description = "Override every workload's epochs (for quick looks).")
    Integer epochs;

    @Spec
    CommandSpec spec;

    /** Holds one workload's {@code train} options while picocli parses them. */
    @Command(name = "workload")
    static final class WorkloadOptions {
        @Mixin
        RunOptions run = new RunOptions();
    }

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        List<SuiteWorkload> chosen = SuiteWorkload.parse(workloads);
        List<Rule> rules = files.stream().map(Rule::load).toList();
        List<String> labels = rules.stream().map(r -> RuleHypers.label(rules, r)).toList();
        Map<String, Map<String, Double>> hypers = RuleHypers.assign(rules, RunOptions.numbers("--set", set));
        Path dir = out != null ? out : RunDirectories.fresh(Path.of("runs"), "suite");
        RunDirectories.createDirectories(dir);
        List<SuiteResult> results = new ArrayList<>();
        String blasUsed = null;
        for (SuiteWorkload w : chosen) {
            RunOptions options = options(w);
            RunSetup setup = RunSetup.of(options, TrainCommand.DEFAULTS);
            blasUsed = setup.blas();
            pw.println("workload " + w.name() + ": " + setup.newModel().describe() + " on " + setup.splits().train().name()
                    + " (" + setup.splits().train().size() + " training examples); BLAS: " + blasUsed);
            pw.flush();
            CompareCommand.warmUp(setup);
            Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                String label = labels.get(i);
                TrainConfig config = setup.config().withHypers(setup.hypersFor(rule, hypers.get(label)));
                Kernel kernel = rule.compile(options.backend());
                Path runDir = dir.resolve(w.name()).resolve(label);
                // every run folder says how to repeat it (rule, resolved values, command, build, machine, seed)
                Provenance.write(runDir, Provenance.commandLine(spec), List.of(new Provenance.RuleRun(files.get(i), rule,
                        Provenance.resolvedHypers(kernel, config))), Long.toString(config.seed()),
                        kernel.backend().toString());
                ScheduleHorizon.note(w.name() + " " + label, kernel, config.hypers(),
                        ScheduleHorizon.steps(config, setup.splits().train().size())).ifPresent(pw::println);
                Trainer t = new Trainer(kernel, setup.newModel(), setup.splits(), config, null, runDir);
                ProgressReporter progress = new ProgressReporter(pw, w.name() + " " + label, ProgressReporter.onTerminal(),
                        t.controlledHyper());
                try {
                    List<EpochMetrics> h = t.train(progress).history();
                    results.add(new SuiteResult(w.name(), label, w.target(), h, null));
                    curves.put(label, h);
                } catch (DivergenceException e) {
                    pw.println(w.name() + " " + label + ": " + e.getMessage());
                    results.add(new SuiteResult(w.name(), label, w.target(), List.of(), "diverged at step " + e.step()));
                } finally {
                    progress.close();
                }
            }
            Charts.learningCurves(curves, w.name() + ": validation error", "validation error", EpochMetrics::valError, true,
                    dir.resolve(w.name()).resolve("val-error"));
        }
        SuiteReport.write(dir, chosen, labels, results, blasUsed);
        pw.println("wrote " + dir.resolve("summary.md") + ", results.csv, results.jsonl, performance-profile.png/.svg");
        return 0;
    }

    /** The workload's options, then the suite's shared ones (which override). */
    private RunOptions options(SuiteWorkload w) {
        List<String> args = new ArrayList<>(w.options());
        args.addAll(List.of("--seed", Long.toString(seed), "--blas", blas));
        if (threads != null) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        if (epochs != null) {
            args.addAll(List.of("--epochs", Integer.toString(epochs)));
        }
        WorkloadOptions o = new WorkloadOptions();
        CommandLine cl = new CommandLine(o);
        cl.setOverwrittenOptionsAllowed(true);
        cl.parseArgs(args.toArray(new String[0]));
        return o.run;
    }
}

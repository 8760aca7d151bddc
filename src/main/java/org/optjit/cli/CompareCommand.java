package org.optjit.cli;

import org.optjit.train.Plural;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.BatchSize;
import org.optjit.train.DivergenceException;
import org.optjit.train.TrainConfig;
import org.optjit.train.Rng;
import org.optjit.train.Trainer;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.Model;
import org.optjit.train.model.Initialization;
import org.optjit.ast.AstPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code optjit compare}: the same network from the same initial weights and the same
 * mini-batch order, trained once per rule; a Markdown table, each rule's metrics, and
 * learning curves side by side.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the same network from the same initial weights and mini-batch order once per rule.",
            "Writes summary.md, <rule>/metrics.csv and .jsonl, and learning curves (PNG and SVG) under --out.",
            "Without --data it uses a small generated CURVES autoencoder task (about 7 s for four rules on 2 quiet cores)."},
        footer = {"", "Defaults: --data curves --limit 1000,500,500, --layers 784-100-20-6 (mirrored decoder),"
                + " --activation logistic, --loss logistic-cross-entropy, --epochs 10, --batch 10, --init sparse, --seed 1.",
            "--set NAME=VALUE applies to every rule that has NAME; RULE.NAME=VALUE to one rule.",
            "The learning rate is eps in the rules of lecture 6 and Sutskever et al. (sgd, momentum, nesterov,"
                + " rmsprop, ...) and lr in the modern ones (adam, adagrad, ...), where eps is the numerical epsilon:"
                + " give each rule its rate, e.g. --set momentum.eps=0.01,adam.lr=0.001.",
            "Defaults that differ from train's are printed at the start and listed in summary.md.",
            "--seeds N reports mean and standard deviation over seeds; --sweep NAME=v1,v2 runs a grid and marks"
                + " each rule's best value.",
            "A rule that diverges is reported in the table; the others still run."})
public final class CompareCommand implements Callable<Integer> {

    /**
     * A reduced CURVES autoencoder (Sutskever et al. 2013 use 784-400-200-100-50-25-6 on
     * 20,000 images, mini-batches of 200): logistic units, sparse initialisation as in the
     * paper, small enough for four rules in well under a minute of CPU on two cores, and
     * mini-batches of 10, small enough for rprop's failure on mini-batches (lecture 6e) to show.
     */
    static final RunDefaults DEFAULTS = new RunDefaults("curves", 10, BatchSize.of(10), new int[] {1000, 500, 500},
            new int[] {64}, new int[] {100, 20, 6}, Initialization.SPARSE);

    /** Untimed forward and backward passes before the first rule (at most two seconds' worth). */
    static final int WARM_UP_STEPS = 300;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Update rules (.opt files).")
    List<Path> files;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<date>-compare).")
    Path out;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Run every rule from N seeds (--seed, --seed+1, ...) and report mean and standard deviation.")
    int seeds = 1;

    @Option(names = "--sweep", paramLabel = "[RULE.]NAME=V1,V2,...",
            description = "Run a grid over these values of a hyperparameter (repeatable); the best value per rule is marked.")
    List<String> sweeps = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (seeds < 1) {
            throw new UserError("--seeds must be at least 1, got " + seeds);
        }
        XAxis x = run.xAxis();
        RuleFiles.noneTwice(files);
        List<Rule> rules = files.stream().map(Rule::load).toList();
        Map<String, Map<String, Double>> hypers = RuleHypers.assign(rules, RunOptions.numbers("--set", run.set));
        Map<String, Map<String, Double>> biasHypers = RuleHypers.assign(rules, RunOptions.numbers("--bias-set", run.biasSet));
        Map<String, String> controlled = RuleHypers.controlled(rules, run.hyper);
        Map<String, List<Map<String, Double>>> grid = Sweeps.grid(rules, sweeps, hypers);
        RunSetup setup = RunSetup.of(run, DEFAULTS);
        boolean classification = setup.splits().train().isClassification();
        List<String> differences = DefaultDifferences.of(run, DEFAULTS, TrainCommand.DEFAULTS, classification);
        List<Kernel> kernels = rules.stream().map(r -> r.compile(run.backend())).toList();
        Path dir = out != null ? out : RunDirectories.fresh(Path.of("runs"), "compare");
        RunDirectories.createDirectories(dir);
        int variants = grid.values().stream().mapToInt(List::size).sum();
        pw.println("comparing " + Plural.of(rules.size(), "rule") + (variants > rules.size() ? " at "
                + Plural.of(variants, "sweep point") : "") + (seeds > 1 ? " from " + Plural.of(seeds, "seed") : "")
                + " on " + setup.splits().train().name() + " (" + Plural.of(setup.splits().train().size(), "training example")
                + ", batch " + setup.config().batch() + ", " + Plural.of(setup.config().epochs(), "epoch")
                + "), writing to " + dir);
        if (!differences.isEmpty()) {
            pw.println("defaults that differ from train's: " + String.join(", ", differences));
        }
        pw.println("BLAS: " + setup.blas());
        pw.flush();
        List<String> args = Provenance.commandLine(spec);
        List<Provenance.RuleRun> all = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            all.add(new Provenance.RuleRun(files.get(i), rules.get(i), Provenance.resolvedHypers(kernels.get(i),
                    setup.config().withHypers(hypers.get(RuleHypers.label(rules, rules.get(i)))))));
        }
        String seedText = seeds > 1 ? setup.config().seed() + " to " + (setup.config().seed() + seeds - 1)
                : Long.toString(setup.config().seed());
        Provenance.write(dir, args, all, seedText, kernels.get(0).backend().toString());
        long steps = ScheduleHorizon.steps(setup.config(), setup.splits().train().size());
        for (int i = 0; i < rules.size(); i++) {
            String label = RuleHypers.label(rules, rules.get(i));
            ScheduleHorizon.note(label, kernels.get(i), hypers.getOrDefault(label, Map.of()), steps).ifPresent(pw::println);
        }
        pw.flush();
        warmUp(setup);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String label = RuleHypers.label(rules, rules.get(i));
            for (Map<String, Double> point : grid.get(label)) {
                Variant v = new Variant(label, point);
                for (int k = 0; k < seeds; k++) {
                    long seed = setup.config().seed() + k;
                    Map<String, Double> values = new LinkedHashMap<>(setup.hypersFor(rules.get(i), hypers.get(label)));
                    values.putAll(point);
                    TrainConfig config = setup.config().withHypers(values).withBiasHypers(biasHypers.get(label))
                            .withSeed(seed).withRateControl(setup.config().rateControl(), controlled.get(label));
                    Path runDir = seeds > 1 ? dir.resolve(v.path()).resolve("seed-" + seed) : dir.resolve(v.path());
                    Provenance.write(runDir, args, List.of(new Provenance.RuleRun(files.get(i), rules.get(i),
                            Provenance.resolvedHypers(kernels.get(i), config))), Long.toString(seed),
                            kernels.get(i).backend().toString());
                    outcomes.add(trainOne(pw, v, seed, seeds > 1, kernels.get(i), setup, config, runDir));
                }
            }
        }
        String header = String.format(Locale.ROOT, "Data: %s, %d training / %d validation / %d test examples. Network: %s."
                + " Mini-batch: %s. Epochs: %d. Seed%s: %s (the same initial weights and mini-batch order for every rule%s).",
                setup.splits().train().name(), setup.splits().train().size(), setup.splits().validation().size(),
                setup.splits().test().size(), setup.newModel().describe(), setup.config().batch(),
                setup.config().epochs(), seeds > 1 ? "s" : "", seeds > 1 ? setup.config().seed() + " to "
                        + (setup.config().seed() + seeds - 1) : Long.toString(setup.config().seed()),
                seeds > 1 ? " from the same seed; the data stay those of the first seed" : "");
        CompareSummary.write(dir, CompareSummary.text(header, differences, outcomes, seeds));
        CompareCurves.write(dir, outcomes, x, setup, classification);
        pw.println("wrote " + dir.resolve("summary.md") + ", val-error.png/.svg, train-loss.png/.svg");
        return 0;
    }

    private Outcome trainOne(PrintWriter pw, Variant v, long seed, boolean showSeed, Kernel kernel, RunSetup setup,
                             TrainConfig config, Path runDir) {
        String name = v.name() + (showSeed ? " seed " + seed : "");
        Trainer trainer = new Trainer(kernel, setup.newModel(), setup.splits(), config, null, runDir);
        if (run.restoreBest) {
            trainer.restoreBest();
        }
        if (run.logEvery > 0) {
            trainer.logEvery(run.logEvery);
        }
        ProgressReporter progress = new ProgressReporter(pw, name, ProgressReporter.onTerminal(), trainer.controlledHyper());
        try {
            Outcome o = new Outcome(v, seed, Provenance.resolvedHypers(kernel, config), trainer.train(progress), null);
            DiagnosticCharts.write(runDir, run.xAxis(), setup.splits().train().size());
            return o;
        } catch (DivergenceException e) {
            pw.println(name + ": " + e.getMessage());
            return new Outcome(v, seed, Provenance.resolvedHypers(kernel, config), null, "diverged at step " + e.step());
        } finally {
            progress.close();
        }
    }

    /**
     * Runs the network's forward and backward pass untimed for a while, so that the first
     * rule's time does not include the JIT compiling the network code, which every later
     * rule gets for free.
     */
    static void warmUp(RunSetup setup) {
        Model net = setup.newModel();
        float[] params = new float[net.parameterCount()];
        float[] grad = new float[params.length];
        net.setThreads(setup.config().threads());
        net.initialize(params, setup.config().init(), new Rng(0));
        Dataset train = setup.splits().train();
        int batch = setup.config().batch().isFull() ? train.size() : Math.min(setup.config().batch().size(), train.size());
        long until = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < WARM_UP_STEPS && System.nanoTime() < until; i++) {
            int from = (i * batch) % (train.size() - batch + 1);
            net.lossAndGradient(params, grad, train, null, from, from + batch);
        }
    }
}

package org.optjit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.BatchSize;
import org.optjit.train.DivergenceException;
import org.optjit.train.EpochMetrics;
import org.optjit.train.TrainConfig;
import org.optjit.train.TrainResult;
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
            "Without --data it uses a small generated CURVES autoencoder task (under a minute for four rules)."},
        footer = {"", "Defaults: --data curves --limit 1000,500,500, --layers 784-100-20-6 (mirrored decoder),"
                + " --activation logistic, --loss logistic-cross-entropy, --epochs 10, --batch 10, --init sparse, --seed 1.",
            "--set NAME=VALUE applies to every rule that has NAME; RULE.NAME=VALUE to one rule.",
            "The learning rate is eps in the rules of lecture 6 and Sutskever et al. (sgd, momentum, nesterov,"
                + " rmsprop, ...) and lr in the modern ones (adam, adagrad, ...), where eps is the numerical epsilon:"
                + " give each rule its rate, e.g. --set momentum.eps=0.01,adam.lr=0.001.",
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

    @Spec
    CommandSpec spec;

    /** One rule's outcome: its metrics, or how it diverged. */
    private record Outcome(String label, String hypers, TrainResult result, String failure) {
    }

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        List<Rule> rules = files.stream().map(Rule::load).toList();
        Map<String, Map<String, Double>> hypers = RuleHypers.assign(rules, RunOptions.numbers("--set", run.set));
        Map<String, Map<String, Double>> biasHypers = RuleHypers.assign(rules, RunOptions.numbers("--bias-set", run.biasSet));
        RunSetup setup = RunSetup.of(run, DEFAULTS);
        List<Kernel> kernels = rules.stream().map(r -> r.compile(run.backend())).toList();
        Path dir = out != null ? out : RunDirectories.fresh(Path.of("runs"), "compare");
        RunDirectories.createDirectories(dir);
        pw.println("comparing " + rules.size() + " rules on " + setup.splits().train().name() + " ("
                + setup.splits().train().size() + " training examples, batch " + setup.config().batch()
                + ", " + setup.config().epochs() + " epochs), writing to " + dir);
        pw.println("BLAS: " + setup.blas());
        pw.flush();
        warmUp(setup);
        List<Outcome> outcomes = new java.util.ArrayList<>();
        Map<String, List<EpochMetrics>> curves = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String label = RuleHypers.label(rules, rules.get(i));
            TrainConfig config = setup.config().withHypers(setup.hypersFor(rules.get(i), hypers.get(label)))
                    .withBiasHypers(biasHypers.get(label));
            Trainer trainer = new Trainer(kernels.get(i), setup.newModel(), setup.splits(), config, null, dir.resolve(label));
            ProgressReporter progress = new ProgressReporter(pw, label, ProgressReporter.onTerminal(), trainer.controlledHyper());
            try {
                TrainResult result = trainer.train(progress);
                outcomes.add(new Outcome(label, hyperText(kernels.get(i), config), result, null));
                curves.put(label, result.history());
            } catch (DivergenceException e) {
                pw.println(label + ": " + e.getMessage());
                outcomes.add(new Outcome(label, hyperText(kernels.get(i), config), null, "diverged at step " + e.step()));
            } finally {
                progress.close();
            }
        }
        writeSummary(dir, setup, outcomes);
        boolean classification = setup.splits().train().isClassification();
        Charts.learningCurves(curves, "Validation error", classification ? "validation error (fraction)" : "validation error (squared error per pixel)",
                EpochMetrics::valError, !classification, dir.resolve("val-error"));
        Charts.learningCurves(curves, "Training loss", "mean mini-batch loss", EpochMetrics::trainLoss, true,
                dir.resolve("train-loss"));
        pw.println("wrote " + dir.resolve("summary.md") + ", val-error.png/.svg, train-loss.png/.svg");
        return 0;
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

    /** The values each rule ran with, defaults included. */
    private static String hyperText(Kernel k, TrainConfig c) {
        org.optjit.Optimizer o = k.bind(c.hypers());
        StringBuilder sb = new StringBuilder();
        for (String name : o.hyperparameterNames()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(AstPrinter.number(o.get(name)));
        }
        return sb.toString();
    }

    private static void writeSummary(Path dir, RunSetup setup, List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("# Optimizer comparison\n\n");
        sb.append(String.format(Locale.ROOT, "Data: %s, %d training / %d validation / %d test examples. Network: %s."
                + " Mini-batch: %s. Epochs: %d. Seed: %d (the same initial weights and mini-batch order for every rule). BLAS: %s.%n%n",
                setup.splits().train().name(), setup.splits().train().size(), setup.splits().validation().size(),
                setup.splits().test().size(), setup.newModel().describe(), setup.config().batch(),
                setup.config().epochs(), setup.config().seed(), setup.blas()));
        sb.append("| rule | hyperparameters | train loss | val loss | val error | test error | best epoch | time (s) | steps/s |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            if (o.result() == null) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | | | | | | |%n", o.label(), o.hypers(), o.failure()));
                continue;
            }
            EpochMetrics m = o.result().last();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.5g | %.5g | %.5g | %.5g | %d | %.2f | %.1f |%n",
                    o.label(), o.hypers(), m.trainLoss(), m.valLoss(), m.valError(), m.testError(),
                    o.result().bestEpoch(), o.result().trainingSeconds(), o.result().stepsPerSecond()));
        }
        sb.append("\nErrors are fractions; for autoencoder data they are the mean squared reconstruction error per pixel."
                + " Time is training wall time (evaluation excluded). Per-epoch metrics: <rule>/metrics.csv and .jsonl.\n");
        try {
            Files.writeString(dir.resolve("summary.md"), sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write summary.md: " + e.getMessage(), e);
        }
    }
}

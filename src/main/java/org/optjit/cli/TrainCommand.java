package org.optjit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.optjit.train.TrainConfig;
import java.util.concurrent.Callable;
import org.optjit.Kernel;
import org.optjit.Rule;
import org.optjit.train.BatchSize;
import org.optjit.train.DivergenceException;
import org.optjit.train.LearningRate;
import org.optjit.train.TrainResult;
import org.optjit.train.Trainer;
import org.optjit.train.checkpoint.CheckpointException;
import org.optjit.train.checkpoint.CheckpointStore;
import org.optjit.train.model.Initialization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optjit train}: trains a network with one rule, with checkpoints and metrics. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network with one update rule.",
            "Writes metrics.csv, metrics.jsonl, run.txt and checkpoint.optjit under --out"
                    + " (default: a new folder under runs/)."},
        footer = {"", "Defaults: --data fashion-mnist, --layers <inputs>-256-<classes> (autoencoder data:"
                + " <inputs>-400-200-100-50-25-6), --activation relu (autoencoders: logistic), --epochs 10,"
                + " --batch 128, --init fan-in, --seed 1.",
            "Exit status: 0 done, 2 bad input, a refused checkpoint or a diverged run."})
public final class TrainCommand implements Callable<Integer> {

    /** Fashion-MNIST with a 784-256-10 network: the reference task. */
    static final RunDefaults DEFAULTS = new RunDefaults("fashion-mnist", 10, BatchSize.of(128), new int[0],
            new int[] {256}, new int[] {400, 200, 100, 50, 25, 6}, Initialization.FAN_IN);

    @Option(names = "--rule", required = true, paramLabel = "FILE", description = "The update rule (.opt file).")
    Path rule;

    @Mixin
    RunOptions run;

    @Option(names = "--out", paramLabel = "DIR", description = "Where everything goes (default: runs/<date>-<rule>).")
    Path out;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Where the checkpoint goes (default: --out).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --checkpoint (or --out).")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS",
            description = "Also checkpoint every STEPS steps within an epoch (default: only at epoch ends).")
    int checkpointEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (resume && out == null && checkpoint == null) {
            throw new UserError("--resume needs --out or --checkpoint: the directory of the run to continue");
        }
        if (checkpointEvery < 0) {
            throw new UserError("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        Rule r = Rule.load(rule);
        RunSetup setup = RunSetup.of(run, DEFAULTS);
        Kernel kernel = r.compile(run.backend());
        Path dir = out != null ? out : RunDirectories.fresh(Path.of("runs"), r.name());
        CheckpointStore store = new CheckpointStore(checkpoint != null ? checkpoint : dir);
        if (!resume && store.exists()) {
            throw new UserError(store.file() + " already exists: add --resume to continue that run,"
                    + " or choose another --out/--checkpoint");
        }
        ProgressReporter progress = new ProgressReporter(pw, "", ProgressReporter.onTerminal(), LearningRate.of(r, run.hyper));
        try {
            Trainer trainer = new Trainer(kernel, setup.newModel(), setup.splits(), setup.config()
                    .withHypers(setup.hypersFor(r, setup.config().hypers())).withCheckpointEvery(checkpointEvery), store, dir);
            if (run.restoreBest) {
                trainer.restoreBest();
            }
            if (run.logEvery > 0) {
                trainer.logEvery(run.logEvery);
            }
            if (resume) {
                trainer.resume(store.load());
                if (trainer.finished()) {
                    pw.println("the run in " + dir + " is already finished; its results are in " + dir.resolve("metrics.csv")
                            + " (raise --epochs to train further)");
                    return 0;
                }
            }
            RunDirectories.describe(dir, r, kernel, setup, trainer.fingerprint());
            TrainConfig used = setup.config();
            Provenance.write(dir, Provenance.commandLine(spec), List.of(new Provenance.RuleRun(rule, r,
                    Provenance.resolvedHypers(kernel, used))), Long.toString(used.seed()), kernel.backend().toString());
            pw.println("training " + r.name() + " on " + setup.splits().train().name() + " ("
                    + setup.splits().train().size() + " training examples), writing to " + dir);
            pw.println("BLAS: " + setup.blas());
            ScheduleHorizon.note(r.name(), kernel, used.hypers(), ScheduleHorizon.steps(used, setup.splits().train().size()))
                    .ifPresent(pw::println);
            pw.flush();
            TrainResult result = trainer.train(progress);
            pw.println(RunReport.done(result));
            if (setup.model().languageModel()) {
                // the loss is the mean cross-entropy per character in nats
                pw.printf(Locale.ROOT, "validation loss %.4f nats per character = %.4f bits per character%n",
                        result.last().valLoss(), result.last().valLoss() / Math.log(2));
            }
            DiagnosticCharts.write(dir, run.xAxis(), setup.splits().train().size());
            return 0;
        } catch (DivergenceException | CheckpointException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            progress.close();
        }
    }
}

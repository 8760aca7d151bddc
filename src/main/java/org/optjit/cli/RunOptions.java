package org.optjit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optjit.Backend;
import org.optjit.blas.BlasChoice;
import org.optjit.blas.BlasLibrary;
import org.optjit.train.BatchMix;
import org.optjit.train.BatchSize;
import org.optjit.train.LearningRate;
import org.optjit.train.TrainConfig;
import org.optjit.train.control.RateControl;
import org.optjit.train.data.Preprocessor;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Initialization;
import org.optjit.train.model.Loss;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options shared by {@code train} and {@code compare}: data, network, training
 * schedule and learning-rate control. Unset options take the command's {@link RunDefaults}.
 */
final class RunOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data", paramLabel = "NAME|DIR",
            description = "curves, blobs, fashion-mnist, or a directory of MNIST-style IDX files.")
    String data;

    @Option(names = "--limit", paramLabel = "TRAIN[,VAL[,TEST]]",
            description = "Use only the first examples of each split (0: all).")
    String limit;

    @Option(names = "--model", paramLabel = "KIND",
            description = "mlp (layers from --layers), lenet5, or transformer (default: the data's, else mlp).")
    String model;

    @Option(names = "--depth", paramLabel = "N", description = "Transformer blocks (default: the data's, e.g. 1 for modular-addition).")
    Integer depth;

    @Option(names = "--width", paramLabel = "N", description = "Transformer width (default 128).")
    Integer width;

    @Option(names = "--heads", paramLabel = "N", description = "Transformer attention heads (default 4).")
    Integer heads;

    @Option(names = "--context", paramLabel = "N",
            description = "Transformer context: characters per window of text:FILE (default 64); other data fix it.")
    Integer context;

    @Option(names = "--mlp-width", paramLabel = "N", description = "Hidden units of each transformer block's MLP (default 4 x width).")
    Integer mlpWidth;

    @Option(names = "--layers", paramLabel = "SIZES",
            description = "Layer sizes, input first, e.g. 784-256-10; for autoencoder data the encoder,"
                    + " e.g. 784-400-200-100-50-25-6 (the decoder mirrors it).")
    String layers;

    @Option(names = "--activation", paramLabel = "KIND", description = "Hidden units: logistic, tanh, relu, linear.")
    String activation;

    @Option(names = "--loss", paramLabel = "KIND",
            description = "Autoencoder loss: squared-error or logistic-cross-entropy (default).")
    String loss;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train.")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N|full", description = "Mini-batch size, or 'full' for full-batch steps.")
    String batch;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights, batch order and generated data (default: 1).")
    long seed = 1;

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
            description = "A hyperparameter value (repeatable, or comma-separated).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--bias-set", paramLabel = "NAME=VALUE", split = ",",
            description = "Other hyperparameter values for the biases, e.g. wd=0 (a second parameter group).")
    Map<String, String> biasSet = new LinkedHashMap<>();

    @Option(names = "--hyper", paramLabel = "NAME",
            description = "The hyperparameter the rate control adjusts (default: " + LearningRate.DEFAULT_DESCRIPTION + ").")
    String hyper;

    @Option(names = "--batch-mix", paramLabel = "KIND",
            description = "shuffled (default), or balanced: every mini-batch holds the classes in the"
                    + " training set's proportions (lecture 6a); autoencoder data is always shuffled.")
    String batchMix = "shuffled";

    @Option(names = "--lr-control", paramLabel = "KIND",
            description = "none (default), plateau (halve when the validation error stops falling),"
                    + " auto (lower when worse or oscillating, raise when falling slowly).")
    String lrControl = "none";

    @Option(names = "--early-stopping", paramLabel = "N", description = "Stop after N epochs without a better validation error.")
    int earlyStopping;

    @Option(names = "--restore-best",
            description = "Report the epoch with the lowest validation error and end with its weights"
                    + " (default: the last epoch's).")
    boolean restoreBest;

    @Option(names = "--log-every", paramLabel = "N",
            description = "Also write steps.csv/.jsonl every N steps: loss and optimizer diagnostics"
                    + " (update-to-weight ratio, state norms, branch fractions), and their plots.")
    int logEvery;

    @Option(names = "--x-axis", paramLabel = "KIND",
            description = "Plot against epochs (default), steps, examples or time (training wall time).")
    String xAxis = "epochs";

    @Option(names = "--preprocess", paramLabel = "KIND", description = "none (default), standardize, pca, whiten.")
    String preprocess = "none";

    @Option(names = "--components", paramLabel = "N", description = "PCA/whitening components to keep (0: all useful ones).")
    int components;

    @Option(names = "--init", paramLabel = "KIND", description = "fan-in or sparse initial weights.")
    String init;

    @Option(names = "--backend", paramLabel = "KIND", description = "interpreter, scalar, vector, auto (default).")
    String backend = "auto";

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;

    @Option(names = "--blas", paramLabel = "KIND",
            description = "auto (default: the OpenBLAS shipped in the jar, else netlib's Java BLAS), native or java."
                    + " A BLAS installed on the system is never used.")
    String blas = "auto";

    /** Makes the chosen BLAS the process's; returns its description for the run log. */
    String selectBlas() {
        BlasChoice choice = Choices.parse("--blas", blas, BlasChoice.class);
        try {
            BlasLibrary.select(choice);
        } catch (IllegalStateException e) {
            throw new UserError("--blas " + Choices.name(choice) + ": " + e.getMessage() + "; use --blas java or auto");
        }
        return BlasLibrary.describe();
    }

    Backend backend() {
        return Choices.parse("--backend", backend, Backend.class);
    }

    XAxis xAxis() {
        return Choices.parse("--x-axis", xAxis, XAxis.class);
    }

    Preprocessor.Mode preprocessMode() {
        return Choices.parse("--preprocess", preprocess, Preprocessor.Mode.class);
    }

    Activation activation(boolean autoencoder) {
        return activation != null ? Choices.parse("--activation", activation, Activation.class)
                : autoencoder ? Activation.LOGISTIC : Activation.RELU;
    }

    Loss loss() {
        Loss l = loss == null ? Loss.LOGISTIC_CROSS_ENTROPY : Choices.parse("--loss", loss, Loss.class);
        if (l == Loss.SOFTMAX_CROSS_ENTROPY) {
            throw new UserError("--loss: softmax-cross-entropy is what classifiers use; for an autoencoder"
                    + " choose squared-error or logistic-cross-entropy");
        }
        return l;
    }

    /** The training configuration from these options, with {@code d} for what is unset. */
    TrainConfig config(RunDefaults d) {
        if (mixee != null) {
            IdleOptions.noRepeatedNames(mixee.commandLine().getParseResult(), "--set");
            IdleOptions.noRepeatedNames(mixee.commandLine().getParseResult(), "--bias-set");
        }
        if (epochs != null && epochs < 1) {
            throw new UserError("--epochs must be at least 1, got " + epochs);
        }
        if (logEvery < 0) {
            throw new UserError("--log-every must be >= 0 (0: only per epoch), got " + logEvery);
        }
        if (earlyStopping < 0) {
            throw new UserError("--early-stopping must be >= 0, got " + earlyStopping);
        }
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        BatchSize b;
        try {
            b = batch == null ? d.batch() : BatchSize.parse(batch);
        } catch (IllegalArgumentException e) {
            throw new UserError("--batch: " + e.getMessage());
        }
        return TrainConfig.defaults()
                .withEpochs(epochs == null ? d.epochs() : epochs)
                .withBatch(b)
                .withMix(Choices.parse("--batch-mix", batchMix, BatchMix.class))
                .withSeed(seed)
                .withHypers(numbers("--set", set))
                .withBiasHypers(numbers("--bias-set", biasSet))
                .withRateControl(Choices.parse("--lr-control", lrControl, RateControl.class), hyper)
                .withEarlyStopping(earlyStopping)
                .withInit(init == null ? d.init() : Choices.parse("--init", init, Initialization.class))
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    static Map<String, Double> numbers(String option, Map<String, String> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            try {
                double v = Double.parseDouble(e.getValue().trim());
                if (!Double.isFinite(v)) {
                    throw new UserError(option + " " + e.getKey() + "=" + e.getValue() + ": '" + e.getValue()
                            + "' is not a finite number (it is " + v + " as a double)");
                }
                out.put(e.getKey().trim(), v);
            } catch (NumberFormatException ex) {
                throw new UserError(option + " " + e.getKey() + "=" + e.getValue() + ": '" + e.getValue() + "' is not a number");
            }
        }
        return out;
    }
}

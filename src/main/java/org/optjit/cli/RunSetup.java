package org.optjit.cli;

import org.optjit.train.Plural;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.optjit.train.TrainConfig;
import org.optjit.train.data.DataException;
import org.optjit.train.data.DataSources;
import org.optjit.train.data.Dataset;
import org.optjit.train.data.Limits;
import org.optjit.train.data.Preprocessor;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Loss;
import org.optjit.train.model.Model;
import org.optjit.train.model.Network;

/**
 * The data, network shape and configuration of a run, checked and ready: what {@code train}
 * and {@code compare} build from their options before any rule runs.
 *
 * @param splits     training, validation and test sets, preprocessed
 * @param layers     layer sizes (input first; for autoencoders the encoder)
 * @param activation hidden units
 * @param loss       the autoencoder's loss (ignored for classifiers)
 * @param config     the training configuration
 * @param blas       the BLAS every matrix product runs on, as printed for the user
 * @param model      the model and its shape ({@code --model})
 * @param hyperDefaults the workload's hyperparameter values, for rules that have them
 */
record RunSetup(Splits splits, int[] layers, Activation activation, Loss loss, TrainConfig config, String blas,
                ModelSetup model, Map<String, Double> hyperDefaults) {

    static RunSetup of(RunOptions o, RunDefaults commandDefaults) {
        String data = o.data == null ? commandDefaults.data() : o.data;
        ModelKind kind = ModelSetup.kind(o, data);
        WorkloadDefaults w = WorkloadDefaults.of(data, kind);
        RunDefaults d = commandDefaults.with(w);
        TrainConfig config = o.config(d);
        String blas = o.selectBlas();
        Splits raw = load(data, o.seed, o.limit == null ? limits(d.limits()) : limits(o.limit), ModelSetup.context(o));
        boolean autoencoder = !raw.train().isClassification();
        IdleOptions.check(o, autoencoder);
        Loss loss = autoencoder ? o.loss() : Loss.SOFTMAX_CROSS_ENTROPY;
        Preprocessor.Mode mode = o.preprocessMode();
        if (autoencoder && mode != Preprocessor.Mode.NONE && loss == Loss.LOGISTIC_CROSS_ENTROPY) {
            throw new UserError("--preprocess " + Choices.name(mode) + ": an autoencoder reconstructs its inputs, and"
                    + " with --loss logistic-cross-entropy they must stay in [0, 1]; use --loss squared-error or --preprocess none");
        }
        if (kind == ModelKind.TRANSFORMER && mode != Preprocessor.Mode.NONE) {
            throw new UserError("--preprocess " + Choices.name(mode) + ": a transformer reads token ids; use --preprocess none");
        }
        Splits splits = preprocess(raw, mode, o.components);
        Dataset train = splits.train();
        ModelSetup model = ModelSetup.of(o, kind, data, splits, w);
        int[] layers = o.layers == null ? defaultLayers(train, d) : parseLayers(o.layers);
        if (kind == ModelKind.MLP) {
            checkLayers(layers, train);
        }
        return new RunSetup(splits, layers, o.activation(autoencoder), loss, config, blas, model, w.hypers());
    }

    /** A fresh, uninitialised model of this run's kind and shape. */
    Model newModel() {
        return model.newModel(this);
    }

    /**
     * {@code given} over the workload's hyperparameter values that {@code rule} has: e.g.
     * AdamW's weight decay of 1 on modular addition, which adam.opt, without weight decay,
     * does not get.
     */
    Map<String, Double> hypersFor(org.optjit.Rule rule, Map<String, Double> given) {
        Map<String, Double> merged = new java.util.LinkedHashMap<>();
        for (org.optjit.Rule.Hyperparameter h : rule.hyperparameters()) {
            if (hyperDefaults.containsKey(h.name())) {
                merged.put(h.name(), hyperDefaults.get(h.name()));
            }
        }
        merged.putAll(given);
        return merged;
    }

    /** A fresh, uninitialised network of this shape (the trainer initialises it from the seed). */
    Network newNetwork() {
        return splits.train().isClassification() ? Network.classifier(layers, activation)
                : Network.autoencoder(layers, activation, loss);
    }

    private static Limits limits(String text) {
        String[] parts = text.split(",", -1);
        int[] l = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                l[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            l = new int[] {-1};
        }
        if (l.length > 3 || Arrays.stream(l).anyMatch(v -> v < 0)) {
            throw new UserError("--limit " + text + ": give up to three sizes >= 0 (train, validation, test),"
                    + " e.g. 1000,500,500");
        }
        return limits(l);
    }

    private static Limits limits(int[] l) {
        return new Limits(l.length > 0 ? l[0] : 0, l.length > 1 ? l[1] : 0, l.length > 2 ? l[2] : 0);
    }

    private static Splits load(String data, long seed, Limits limits, int context) {
        try {
            Splits s = DataSources.load(data, seed, limits, context);
            if (s.train().size() == 0 || s.validation().size() == 0 || s.test().size() == 0) {
                throw new UserError("--data " + data + ": the training, validation and test sets must each hold"
                        + " at least one example (" + s.train().size() + ", " + s.validation().size() + ", "
                        + s.test().size() + ")");
            }
            return s;
        } catch (DataException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static Splits preprocess(Splits s, Preprocessor.Mode mode, int components) {
        if (mode == Preprocessor.Mode.NONE) {
            return s;
        }
        try {
            Preprocessor p = Preprocessor.fit(s.train(), mode, components);
            return new Splits(p.apply(s.train()), p.apply(s.validation()), p.apply(s.test()));
        } catch (IllegalArgumentException e) {
            throw new UserError("--preprocess " + Choices.name(mode) + ": " + e.getMessage());
        }
    }

    private static int[] defaultLayers(Dataset train, RunDefaults d) {
        int[] hidden = train.isClassification() ? d.classifierHidden() : d.encoderHidden();
        int extra = train.isClassification() ? 2 : 1;
        int[] layers = new int[hidden.length + extra];
        layers[0] = train.inputSize();
        System.arraycopy(hidden, 0, layers, 1, hidden.length);
        if (train.isClassification()) {
            layers[layers.length - 1] = train.classes();
        }
        return layers;
    }

    static int[] parseLayers(String text) {
        String[] parts = text.trim().split("-");
        int[] sizes = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Integer.parseInt(parts[i].trim());
                if (sizes[i] < 1) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new UserError("--layers " + text + ": expected positive sizes joined by '-', e.g. 784-256-10");
        }
        if (sizes.length < 2) {
            throw new UserError("--layers " + text + ": give at least an input and an output size, e.g. 784-256-10");
        }
        return sizes;
    }

    private static void checkLayers(int[] layers, Dataset train) {
        String shown = Arrays.stream(layers).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        if (layers[0] != train.inputSize()) {
            throw new UserError("--layers " + shown + ": the data has " + Plural.of(train.inputSize(), "input")
                    + " (after preprocessing), so the first size must be " + train.inputSize());
        }
        if (train.isClassification() && layers[layers.length - 1] != train.classes()) {
            throw new UserError("--layers " + shown + ": the data has " + Plural.of(train.classes(), "class")
                    + ", so the last size must be " + train.classes());
        }
    }
}

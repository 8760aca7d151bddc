package org.optjit.cli;

import org.optjit.train.data.DataSources;
import org.optjit.train.data.Dataset;
import org.optjit.train.data.Splits;
import org.optjit.train.model.Models;
import org.optjit.train.model.TransformerShape;

/**
 * Which model a run trains, checked against its data: {@code --model} and the transformer's
 * shape options, with the workload's defaults for what is unset.
 *
 * @param kind          the model
 * @param transformer   the transformer's shape (for {@link ModelKind#TRANSFORMER})
 * @param vocabulary    token ids are below this (for the transformer)
 * @param languageModel true for text: logits at every position predict the next character
 */
record ModelSetup(ModelKind kind, TransformerShape transformer, int vocabulary, boolean languageModel) {

    /** The model kind the options ask for (before the data is loaded). */
    static ModelKind kind(RunOptions o, String data) {
        if (o.model != null) {
            return Choices.parse("--model", o.model, ModelKind.class);
        }
        ModelKind byData = WorkloadDefaults.of(data, null).model();
        return byData != null ? byData : ModelKind.MLP;
    }

    /** The text window the options ask for ({@code --context}, else the default). */
    static int context(RunOptions o) {
        if (o.context != null && o.context < 1) {
            throw new UserError("--context must be at least 1, got " + o.context);
        }
        return o.context != null ? o.context : DataSources.DEFAULT_CONTEXT;
    }

    static ModelSetup of(RunOptions o, ModelKind kind, String data, Splits splits, WorkloadDefaults w) {
        Dataset train = splits.train();
        if (kind != ModelKind.MLP && o.layers != null) {
            throw new UserError("--layers " + o.layers + ": only --model mlp takes layer sizes; " + Choices.name(kind)
                    + " has its own shape");
        }
        if (kind != ModelKind.MLP && !train.isClassification()) {
            throw new UserError("--model " + Choices.name(kind) + ": " + train.name() + " is autoencoder data; use --model mlp");
        }
        if (kind != ModelKind.TRANSFORMER) {
            return new ModelSetup(kind, null, 0, false);
        }
        boolean lm = data.startsWith(DataSources.TEXT_PREFIX);
        int context = lm ? train.inputSize() - 1 : train.inputSize();
        if (!lm && o.context != null && o.context != context) {
            throw new UserError("--context " + o.context + ": " + train.name() + " has sequences of " + context + " tokens");
        }
        TransformerShape d = w.transformer();
        int width = positive("--width", o.width, d.width());
        TransformerShape shape;
        try {
            shape = new TransformerShape(positive("--depth", o.depth, d.layers()), width,
                    positive("--heads", o.heads, d.heads()), context,
                    positive("--mlp-width", o.mlpWidth, o.width != null ? 4 * width : d.mlpWidth()));
        } catch (IllegalArgumentException e) {
            throw new UserError("--width/--heads: " + e.getMessage());
        }
        int vocabulary = Math.max(vocabulary(splits.train()), Math.max(vocabulary(splits.validation()),
                vocabulary(splits.test())));
        return new ModelSetup(kind, shape, Math.max(vocabulary, lm ? train.classes() : 0), lm);
    }

    private static int positive(String option, Integer given, int otherwise) {
        if (given != null && given < 1) {
            throw new UserError(option + " must be at least 1, got " + given);
        }
        return given != null ? given : otherwise;
    }

    /** One more than the largest token id; the inputs must be whole numbers >= 0. */
    private static int vocabulary(Dataset d) {
        int max = -1;
        for (float v : d.inputs()) {
            if (v != Math.rint(v) || v < 0 || v > 1 << 24) {
                throw new UserError("--model transformer: " + d.name() + " is not token data (input " + v
                        + " is not a token id); use modular-addition or text:FILE");
            }
            max = Math.max(max, (int) v);
        }
        return max + 1;
    }

    /** A fresh, uninitialised model (the trainer initialises it from the seed). */
    org.optjit.train.model.Model newModel(RunSetup setup) {
        Dataset train = setup.splits().train();
        switch (kind) {
            case MLP:
                return setup.newNetwork();
            case LENET5:
                try {
                    return Models.lenet5(train.inputSize(), train.classes());
                } catch (IllegalArgumentException e) {
                    throw new UserError("--model lenet5: " + e.getMessage());
                }
            case TRANSFORMER:
                return Models.transformer(transformer, vocabulary, train.classes(), languageModel);
            default:
                throw new AssertionError(kind);
        }
    }
}

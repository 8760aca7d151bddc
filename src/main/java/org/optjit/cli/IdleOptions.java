package org.optjit.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.optjit.train.BatchMix;
import org.optjit.train.data.Preprocessor;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options that would do nothing in the run they are given for are errors, not silently
 * ignored: a user who writes {@code --loss squared-error} for a classifier, or
 * {@code --components 50} without PCA, believes the run differs from what it is.
 */
final class IdleOptions {

    private IdleOptions() {
    }

    /** Checks the options against the data's kind, after the data is known. */
    static void check(RunOptions o, boolean autoencoder) {
        if (!autoencoder && o.loss != null) {
            throw new UserError("--loss " + o.loss + ": classifiers always use softmax with cross-entropy;"
                    + " --loss chooses an autoencoder's loss, and this data is for classification");
        }
        Preprocessor.Mode mode = o.preprocessMode();
        if (o.components != 0 && mode != Preprocessor.Mode.PCA && mode != Preprocessor.Mode.WHITEN) {
            throw new UserError("--components " + o.components + " applies only to --preprocess pca or whiten"
                    + " (this run uses --preprocess " + Choices.name(mode) + ")");
        }
        if (autoencoder && Choices.parse("--batch-mix", o.batchMix, BatchMix.class) == BatchMix.BALANCED) {
            throw new UserError("--batch-mix balanced needs class labels; autoencoder data has none"
                    + " (its mini-batches are always shuffled)");
        }
    }

    /**
     * A name given twice to a map option ({@code --set lr=0.1 --set lr=0.2}): picocli keeps
     * the last value without a word, so the first would be silently dropped.
     */
    static void noRepeatedNames(CommandLine.ParseResult parsed, String option) {
        if (parsed == null) {
            return;
        }
        OptionSpec spec = parsed.matchedOption(option);
        if (spec == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String original : (List<String>) spec.originalStringValues()) {
            for (String item : original.split(",")) {
                int eq = item.indexOf('=');
                String name = (eq < 0 ? item : item.substring(0, eq)).trim();
                if (!seen.add(name)) {
                    throw new UserError(option + ": '" + name + "' is given more than once; give each name one value");
                }
            }
        }
    }
}

package org.optjit.cli;

import org.optjit.train.BatchSize;
import org.optjit.train.model.Initialization;

/**
 * What a command uses for options the user did not give.
 *
 * @param data            the data set
 * @param epochs          epochs
 * @param batch           mini-batch size
 * @param limits          caps on {train, validation, test} sizes (0: all)
 * @param classifierHidden hidden layer sizes of a classifier when --layers is not given
 * @param encoderHidden   encoder sizes after the input layer for autoencoder data
 * @param init            initial weights
 */
record RunDefaults(String data, int epochs, BatchSize batch, int[] limits, int[] classifierHidden, int[] encoderHidden,
                   Initialization init) {

    /** These defaults with a workload's batch and epochs where it has them. */
    RunDefaults with(WorkloadDefaults w) {
        return new RunDefaults(data, w.epochs() > 0 ? w.epochs() : epochs, w.batch() != null ? w.batch() : batch, limits,
                classifierHidden, encoderHidden, init);
    }
}

package org.optjit.train.model;

/**
 * A named range {@code [from, to)} of the network's one flat parameter array, e.g. the
 * weights or the biases of one layer, so that a rule can run on it with its own
 * hyperparameters (biases without weight decay, for instance).
 */
public record ParameterGroup(String name, int from, int to, boolean bias) {

    public int size() {
        return to - from;
    }
}

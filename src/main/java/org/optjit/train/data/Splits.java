package org.optjit.train.data;

/**
 * The three parts of a data set: statistics and weights come from {@code train} only;
 * {@code validation} drives learning-rate control and early stopping (lecture 6a);
 * {@code test} is only reported.
 */
public record Splits(Dataset train, Dataset validation, Dataset test) {
}

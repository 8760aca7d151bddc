package org.optjit.train.model;

/**
 * A network's performance on a data set.
 *
 * @param loss  the mean training loss per example ({@link Loss})
 * @param error for classifiers, the fraction of rows whose most probable class is not the
 *              label; for autoencoders, the mean squared reconstruction error per pixel,
 *              {@code mean over rows and outputs of (y - t)^2}, whatever the training loss
 */
public record Evaluation(double loss, double error) {
}

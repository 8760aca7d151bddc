package org.optjit.cli;

import org.optjit.train.TrainResult;

/**
 * One training run of {@code compare}: a variant from one seed, and its result or how it
 * diverged.
 *
 * @param variant the rule and sweep point
 * @param seed    the seed of its initial weights and mini-batch order
 * @param hypers  every hyperparameter value it ran with, defaults included
 * @param result  the result, or null when it diverged
 * @param failure how it failed, or null
 */
record Outcome(Variant variant, long seed, String hypers, TrainResult result, String failure) {
}

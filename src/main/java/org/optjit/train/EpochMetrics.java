package org.optjit.train;

/**
 * What one epoch produced: one line of {@code metrics.csv}, one object of
 * {@code metrics.jsonl}. Errors are fractions (0.12, not 12%).
 *
 * @param epoch     1-based epoch number
 * @param step      optimizer steps taken since the start of training, at the end of the epoch
 * @param trainLoss mean of the mini-batch losses of the epoch (each measured before its step)
 * @param valLoss   loss on the validation set with the weights at the end of the epoch
 * @param valError  validation error (classification: fraction misclassified)
 * @param testError test error, same weights
 * @param seconds   wall time of the epoch's training steps (evaluation not included)
 * @param rate      the value of the controlled hyperparameter during the epoch
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double valLoss, double valError,
                           double testError, double seconds, double rate) {

    /** The CSV header; the JSON keys are the same names. */
    public static final String[] FIELDS = {
        "epoch", "step", "train_loss", "val_loss", "val_error", "test_error", "seconds", "rate"};

    /** The values in {@link #FIELDS} order, as text (NaN and infinities as in Java). */
    String[] values() {
        return new String[] {
            Integer.toString(epoch), Long.toString(step), Double.toString(trainLoss), Double.toString(valLoss),
            Double.toString(valError), Double.toString(testError), Double.toString(seconds), Double.toString(rate)};
    }
}

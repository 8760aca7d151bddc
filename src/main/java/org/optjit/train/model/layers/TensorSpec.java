package org.optjit.train.model.layers;

/**
 * A tensor a layer declares: its name, its shape ({@code rows x cols}, row-major; a vector
 * has one row), how it starts ({@code constant + std * N(0, 1)} per element), and whether
 * it is a bias or gain (which take the bias hyperparameters, e.g. no weight decay).
 */
public record TensorSpec(String name, int rows, int cols, float constant, double std, boolean bias) {

    public int size() {
        return rows * cols;
    }

    /** A weight matrix drawn from N(0, 1/fanIn): the trainer's fan-in initialisation (lecture 6b). */
    public static TensorSpec weights(String name, int rows, int cols, int fanIn) {
        return new TensorSpec(name, rows, cols, 0f, 1.0 / Math.sqrt(fanIn), false);
    }

    /** A bias vector starting at 0. */
    public static TensorSpec bias(String name, int n) {
        return new TensorSpec(name, 1, n, 0f, 0, true);
    }

    /** A gain vector starting at 1 (layer normalisation). */
    public static TensorSpec gain(String name, int n) {
        return new TensorSpec(name, 1, n, 1f, 0, true);
    }

    /** This spec under another name (composites prefix their parts' names). */
    public TensorSpec named(String newName) {
        return new TensorSpec(newName, rows, cols, constant, std, bias);
    }
}

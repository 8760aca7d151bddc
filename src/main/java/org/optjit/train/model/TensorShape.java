package org.optjit.train.model;

/**
 * One tensor of a model's flat parameter array: a {@code rows x cols} row-major matrix (a
 * vector has one row) at {@code offset}. {@code bias} marks biases and gains, which take the
 * bias hyperparameters ({@code --bias-set}, e.g. no weight decay).
 */
public record TensorShape(String name, int offset, int rows, int cols, boolean bias) {

    public int size() {
        return rows * cols;
    }
}

package org.optjit.train.data;

import java.util.Objects;

/**
 * Immutable rows of float inputs, with a class label per row for classification, or none
 * for an autoencoder (whose targets are its inputs).
 *
 * <p>Inputs are stored row-major in one array ({@code size * inputSize} floats), the layout
 * the network's matrix products read directly. Callers must not modify the arrays returned
 * by {@link #inputs()} and {@link #labels()}: they are shared, not copied, to keep a
 * 60,000-image set from being duplicated.
 */
public final class Dataset {

    private final String name;
    private final float[] inputs;
    private final int inputSize;
    private final int[] labels;
    private final int classes;
    private final int size;

    /**
     * @param labels  one label in {@code [0, classes)} per row, or {@code null} for
     *                autoencoder data (then {@code classes} must be 0)
     */
    public Dataset(String name, float[] inputs, int inputSize, int[] labels, int classes) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        if (inputSize <= 0 || inputs.length % inputSize != 0) {
            throw new IllegalArgumentException(name + ": " + inputs.length
                    + " inputs are not a whole number of rows of " + inputSize);
        }
        this.inputSize = inputSize;
        this.size = inputs.length / inputSize;
        if (labels == null) {
            if (classes != 0) {
                throw new IllegalArgumentException(name + ": autoencoder data has no classes");
            }
        } else {
            if (labels.length != size) {
                throw new IllegalArgumentException(name + ": " + labels.length + " labels for "
                        + size + " rows");
            }
            for (int i = 0; i < size; i++) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException(name + ": label " + labels[i] + " of row "
                            + i + " is outside [0, " + classes + ")");
                }
            }
        }
        this.labels = labels;
        this.classes = classes;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public int inputSize() {
        return inputSize;
    }

    /** The number of classes; 0 for autoencoder data. */
    public int classes() {
        return classes;
    }

    /** Row-major, {@code size * inputSize} floats; do not modify. */
    public float[] inputs() {
        return inputs;
    }

    /** One label per row, or {@code null} for autoencoder data; do not modify. */
    public int[] labels() {
        return labels;
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** A copy holding the rows at {@code indices}, in that order. */
    public Dataset rows(int[] indices) {
        float[] in = new float[indices.length * inputSize];
        int[] lab = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int r = Objects.checkIndex(indices[i], size);
            System.arraycopy(inputs, r * inputSize, in, i * inputSize, inputSize);
            if (lab != null) {
                lab[i] = labels[r];
            }
        }
        return new Dataset(name, in, inputSize, lab, classes);
    }

    /** A copy of the rows {@code [from, to)}. */
    public Dataset range(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        float[] in = java.util.Arrays.copyOfRange(inputs, from * inputSize, to * inputSize);
        int[] lab = labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to);
        return new Dataset(name, in, inputSize, lab, classes);
    }

    /** The same rows with other inputs (e.g. preprocessed), possibly of another width. */
    public Dataset withInputs(float[] newInputs, int newInputSize) {
        return new Dataset(name, newInputs, newInputSize, labels, classes);
    }

    @Override
    public String toString() {
        return name + " (" + size + " x " + inputSize
                + (labels == null ? ", autoencoder)" : ", " + classes + " classes)");
    }
}

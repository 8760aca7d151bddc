package org.optjit.cli;

/** {@code --model}: today's perceptron, LeNet-5, or the decoder-only transformer. */
enum ModelKind {
    MLP, LENET5, TRANSFORMER
}

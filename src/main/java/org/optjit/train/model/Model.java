package org.optjit.train.model;

import java.util.List;
import java.util.random.RandomGenerator;
import org.optjit.train.data.Dataset;

/**
 * What the trainer trains: a function of one flat float parameter array whose mean loss over
 * a mini-batch, and its gradient, it can compute. The trainer owns the arrays (so it can
 * checkpoint them); a model holds only its architecture and reusable buffers.
 *
 * <p>Implementations: {@link Network} (today's multi-layer perceptrons) and
 * {@link LayerModel} (a sequence of {@link org.optjit.train.model.layers.Layer layers}:
 * LeNet-5, the transformer). Both split a batch into {@link Lanes lanes}, so that results
 * are bit-for-bit the same for any thread count.
 */
public interface Model {

    int parameterCount();

    /** Every weight matrix, bias, gain and embedding, in array order, covering the array exactly. */
    List<TensorShape> tensors();

    /** The tensors as parameter groups (biases and gains marked), for per-group hyperparameters. */
    default List<ParameterGroup> groups() {
        return tensors().stream().map(t -> new ParameterGroup(t.name(), t.offset(), t.offset() + t.size(), t.bias()))
                .toList();
    }

    /** The parameter group of the biases and gains when they have hyperparameters of their own. */
    String BIAS_GROUP = "biases";

    /**
     * The parameter array as tensors, for rules over tensors: each weight matrix and
     * embedding a row-major matrix ({@link TensorShape}), each bias and gain a vector. Every
     * model stores a weight matrix {@code out x in} (fan-out x fan-in: one row per output
     * unit or filter, PyTorch's {@code nn.Linear.weight} and {@code nn.Conv2d.weight}
     * flattened) and an embedding {@code vocabulary x width}, so the rules written for
     * PyTorch's convention read the right shape: Muon's {@code sqrt(max(1, rows/cols))},
     * Adafactor's row and column factors, AGC's unit-wise (per row) norms. With
     * {@code biasGroup}, the biases and gains form the parameter group {@link #BIAS_GROUP}.
     */
    default org.optjit.Layout parameterLayout(boolean biasGroup) {
        org.optjit.Layout.Builder b = org.optjit.Layout.builder();
        for (TensorShape t : tensors()) {
            b.group(biasGroup && t.bias() ? BIAS_GROUP : org.optjit.Layout.DEFAULT_GROUP);
            if (t.bias()) {
                b.vector(t.name(), t.size());
            } else {
                b.matrix(t.name(), t.rows(), t.cols());
            }
        }
        return b.build();
    }

    /** E.g. {@code "784-256-10 relu, softmax cross-entropy"}. */
    String describe();

    /** Sets the number of threads; results do not change. */
    void setThreads(int threads);

    /** Fills {@code params} with starting values drawn from {@code rng} in a fixed order. */
    void initialize(float[] params, Initialization init, RandomGenerator rng);

    /**
     * The mean loss over rows {@code rows[from .. to)} of {@code data} ({@code rows == null}:
     * rows {@code from .. to}), and its gradient written into {@code grad} (every element
     * overwritten). The same inputs give the same bits whatever the thread count.
     */
    double lossAndGradient(float[] params, float[] grad, Dataset data, int[] rows, int from, int to);

    /** The mean loss and the error over all rows of {@code data}. */
    Evaluation evaluate(float[] params, Dataset data);
}

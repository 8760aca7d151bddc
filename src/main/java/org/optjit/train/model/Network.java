package org.optjit.train.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;
import org.optjit.runtime.StepRunner;
import org.optjit.train.data.Dataset;

/**
 * A multi-layer perceptron of dense layers whose weights and biases all live in one flat
 * float array (and whose gradient lives in another of the same layout), so that one fused
 * optimizer kernel updates the whole network per step.
 *
 * <p>The layout of the array is given by {@link #groups()}: per layer, its weights
 * (row-major {@code out x in}, one row per output unit) then its biases. A {@code Network} holds only the architecture
 * and reusable buffers, never the parameters, so the trainer owns the arrays and can
 * checkpoint them.
 *
 * <p>{@link #lossAndGradient} splits the rows into {@link Lanes lanes} and runs them on up
 * to {@link #threads()} threads; its result is bit-for-bit the same for any thread count.
 * A network is not safe for concurrent calls (the buffers are shared).
 */
public final class Network implements Model {

    private final Layout layout;
    private final String description;
    private final Workspace[] workspaces = new Workspace[Lanes.MAX_LANES];
    private final LanePass lanes;

    private Network(Layout layout, String description) {
        this.layout = layout;
        this.description = description;
        this.lanes = new LanePass(layout.parameters);
    }

    /**
     * A classifier {@code layerSizes[0] - ... - layerSizes[L]} with {@code hidden} units and
     * a softmax output trained with cross-entropy.
     */
    public static Network classifier(int[] layerSizes, Activation hidden) {
        check(layerSizes, 2);
        Activation[] act = new Activation[layerSizes.length];
        Arrays.fill(act, hidden);
        act[0] = Activation.LINEAR;
        act[act.length - 1] = Activation.LINEAR;
        return new Network(new Layout(layerSizes, act, Loss.SOFTMAX_CROSS_ENTROPY),
                join(layerSizes) + " " + hidden.label() + ", " + Loss.SOFTMAX_CROSS_ENTROPY.label());
    }

    /**
     * A deep autoencoder as in Hinton and Salakhutdinov 2006: the encoder
     * {@code encoderSizes[0] - ... - code} with {@code hidden} units and a linear code layer,
     * then the mirrored decoder (its own weights, not tied) with {@code hidden} units and an
     * output layer that is logistic for {@link Loss#LOGISTIC_CROSS_ENTROPY} and linear for
     * {@link Loss#SQUARED_ERROR}. E.g. CURVES: {@code {784, 400, 200, 100, 50, 25, 6}}.
     */
    public static Network autoencoder(int[] encoderSizes, Activation hidden, Loss loss) {
        check(encoderSizes, 2);
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalArgumentException("an autoencoder reconstructs its inputs: use squared"
                    + " error or logistic cross-entropy, not softmax cross-entropy");
        }
        int e = encoderSizes.length;
        int[] sizes = new int[2 * e - 1];
        for (int i = 0; i < e; i++) {
            sizes[i] = encoderSizes[i];
            sizes[sizes.length - 1 - i] = encoderSizes[i];
        }
        Activation[] act = new Activation[sizes.length];
        Arrays.fill(act, hidden);
        act[0] = Activation.LINEAR;
        act[e - 1] = Activation.LINEAR; // the code layer
        act[sizes.length - 1] = Activation.LINEAR; // the loss applies the output units
        return new Network(new Layout(sizes, act, loss), join(sizes) + " " + hidden.label()
                + ", linear code, " + loss.label());
    }

    private static void check(int[] sizes, int min) {
        Objects.requireNonNull(sizes, "layer sizes");
        if (sizes.length < min) {
            throw new IllegalArgumentException("a network needs at least " + min + " layer sizes: "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
        }
    }

    private static String join(int[] sizes) {
        StringJoiner j = new StringJoiner("-");
        for (int s : sizes) {
            j.add(Integer.toString(s));
        }
        return j.toString();
    }

    @Override
    public int parameterCount() {
        return layout.parameters;
    }

    /** The layer sizes from input to output (for an autoencoder, including the decoder). */
    public int[] layerSizes() {
        return layout.sizes.clone();
    }

    public int inputSize() {
        return layout.inputs();
    }

    public int outputSize() {
        return layout.outputs();
    }

    public Loss loss() {
        return layout.loss;
    }

    /** Per layer its weights ({@code out x in}: fan-out rows of fan-in weights) then its biases. */
    @Override
    public List<TensorShape> tensors() {
        List<TensorShape> tensors = new ArrayList<>();
        for (int l = 1; l <= layout.layers(); l++) {
            tensors.add(new TensorShape("layer" + l + ".weights", layout.weightOffset[l], layout.sizes[l],
                    layout.sizes[l - 1], false));
            tensors.add(new TensorShape("layer" + l + ".biases", layout.biasOffset[l], 1, layout.sizes[l], true));
        }
        return List.copyOf(tensors);
    }

    /** The parameter group of the biases when they have hyperparameters of their own: {@link Model#BIAS_GROUP}. */
    public static final String BIAS_GROUP = Model.BIAS_GROUP;

    /** E.g. {@code "784-256-10 relu, softmax cross-entropy"}. */
    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }

    public int threads() {
        return lanes.threads();
    }

    /** Sets the number of threads (default: {@link StepRunner#defaultThreads()}); results do not change. */
    @Override
    public void setThreads(int threads) {
        lanes.setThreads(threads);
    }

    /**
     * Fills {@code params} with starting weights drawn from {@code rng} (layer by layer, unit
     * by unit, in a fixed order) and zero biases.
     */
    @Override
    public void initialize(float[] params, Initialization init, RandomGenerator rng) {
        checkLength(params, "params");
        Initializer.fill(layout, params, init, rng);
    }

    /**
     * The mean loss over rows {@code rows[from .. to)} of {@code data} ({@code rows == null}:
     * rows {@code from .. to} themselves), and its gradient with respect to {@code params}
     * written into {@code grad} (every element overwritten). Deterministic: the same inputs
     * give the same bits whatever the thread count.
     */
    @Override
    public double lossAndGradient(float[] params, float[] grad, Dataset data, int[] rows, int from, int to) {
        checkLength(params, "params");
        checkLength(grad, "grad");
        checkData(data, rows, from, to);
        if (to == from) {
            throw new IllegalArgumentException("an empty batch has no mean loss");
        }
        return run(params, grad, data, rows, from, to).loss();
    }

    /** The mean loss and the error ({@link Evaluation}) over all rows of {@code data}. */
    @Override
    public Evaluation evaluate(float[] params, Dataset data) {
        checkLength(params, "params");
        checkData(data, null, 0, data.size());
        if (data.size() == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        Evaluation sums = run(params, null, data, null, 0, data.size());
        int n = data.size();
        double error = layout.loss == Loss.SOFTMAX_CROSS_ENTROPY ? sums.error() / n
                : sums.error() / ((double) n * layout.outputs());
        return new Evaluation(sums.loss(), error);
    }

    /** Forward (and backward if grad != null) over the rows; returns (mean loss, error sum). */
    private Evaluation run(float[] params, float[] grad, Dataset data, int[] rows, int from, int to) {
        int n = to - from;
        float scale = grad == null ? 0f : 1f / n;
        for (int lane = 0; lane < Lanes.count(n); lane++) {
            if (workspaces[lane] == null) {
                workspaces[lane] = new Workspace(layout);
            }
        }
        int count = lanes.run(from, n, grad, (lane, g, start, end) -> {
            Workspace ws = workspaces[lane];
            ws.lossSum = 0;
            ws.errorSum = 0;
            for (int pos = start; pos < end; pos += Workspace.CHUNK) {
                int m = Math.min(Workspace.CHUNK, end - pos);
                Propagation.gather(data, rows, pos, m, ws);
                Propagation.forward(layout, params, ws, m);
                Propagation.output(layout, data, rows, pos, m, ws, scale);
                if (g != null) {
                    Propagation.backward(layout, params, g, ws, m, pos == start);
                }
            }
        });
        double loss = 0, error = 0;
        for (int lane = 0; lane < count; lane++) {
            loss += workspaces[lane].lossSum;
            error += workspaces[lane].errorSum;
        }
        return new Evaluation(loss / n, error);
    }

    private void checkLength(float[] a, String what) {
        if (a.length != layout.parameters) {
            throw new IllegalArgumentException(what + " has " + a.length + " elements, the network "
                    + describe() + " has " + layout.parameters + " parameters");
        }
    }

    private void checkData(Dataset data, int[] rows, int from, int to) {
        if (data.inputSize() != layout.inputs()) {
            throw new IllegalArgumentException(data.name() + " has " + data.inputSize()
                    + " inputs, the network " + describe() + " expects " + layout.inputs());
        }
        if (layout.loss == Loss.SOFTMAX_CROSS_ENTROPY) {
            if (!data.isClassification() || data.classes() > layout.outputs()) {
                throw new IllegalArgumentException(data.name() + " has " + data.classes()
                        + " classes, the network " + describe() + " has " + layout.outputs() + " outputs");
            }
        } else if (data.inputSize() != layout.outputs()) {
            throw new IllegalArgumentException("an autoencoder needs as many outputs as inputs");
        }
        Objects.checkFromToIndex(from, to, rows == null ? data.size() : rows.length);
    }
}

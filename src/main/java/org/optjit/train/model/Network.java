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
 * (row-major, input-major) then its biases. A {@code Network} holds only the architecture
 * and reusable buffers, never the parameters, so the trainer owns the arrays and can
 * checkpoint them.
 *
 * <p>{@link #lossAndGradient} splits the rows into {@link Lanes lanes} and runs them on up
 * to {@link #threads()} threads; its result is bit-for-bit the same for any thread count.
 * A network is not safe for concurrent calls (the buffers are shared).
 */
public final class Network {

    private final Layout layout;
    private final String description;
    private final Workspace[] workspaces = new Workspace[Lanes.MAX_LANES];
    private int threads = StepRunner.defaultThreads();

    private Network(Layout layout, String description) {
        this.layout = layout;
        this.description = description;
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

    /** Every layer's weights and biases, in array order, covering the array exactly. */
    public List<ParameterGroup> groups() {
        List<ParameterGroup> groups = new ArrayList<>();
        for (int l = 1; l <= layout.layers(); l++) {
            groups.add(new ParameterGroup("layer" + l + ".weights", layout.weightOffset[l],
                    layout.biasOffset[l], false));
            groups.add(new ParameterGroup("layer" + l + ".biases", layout.biasOffset[l],
                    layout.biasOffset[l] + layout.sizes[l], true));
        }
        return List.copyOf(groups);
    }

    /**
     * The parameter array as tensors, for rules over tensors: per layer its weights, a
     * {@code fan-in x fan-out} row-major matrix (this network stores weights input-major, so
     * an output unit is a column), and its biases, a vector. With {@code biasGroup}, the
     * biases form the parameter group {@link #BIAS_GROUP}.
     */
    public org.optjit.Layout parameterLayout(boolean biasGroup) {
        org.optjit.Layout.Builder b = org.optjit.Layout.builder();
        for (int l = 1; l <= layout.layers(); l++) {
            b.group(org.optjit.Layout.DEFAULT_GROUP).matrix("layer" + l + ".weights", layout.sizes[l - 1],
                    layout.sizes[l]);
            if (biasGroup) {
                b.group(BIAS_GROUP);
            }
            b.vector("layer" + l + ".biases", layout.sizes[l]);
        }
        return b.build();
    }

    /** The parameter group of the biases when they have hyperparameters of their own. */
    public static final String BIAS_GROUP = "biases";

    /** E.g. {@code "784-256-10 relu, softmax cross-entropy"}. */
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return describe();
    }

    public int threads() {
        return threads;
    }

    /** Sets the number of threads (default: {@link StepRunner#defaultThreads()}); results do not change. */
    public void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /**
     * Fills {@code params} with starting weights drawn from {@code rng} (layer by layer, unit
     * by unit, in a fixed order) and zero biases.
     */
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
        int lanes = Lanes.count(n);
        float scale = grad == null ? 0f : 1f / n;
        for (int lane = 0; lane < lanes; lane++) {
            if (workspaces[lane] == null) {
                workspaces[lane] = new Workspace(layout);
            }
            if (grad != null && lane > 0 && workspaces[lane].grad == null) {
                workspaces[lane].grad = new float[layout.parameters];
            }
        }
        Lanes.run(lanes, threads, lane -> {
            Workspace ws = workspaces[lane];
            ws.lossSum = 0;
            ws.errorSum = 0;
            float[] g = lane == 0 ? grad : ws.grad;
            int end = from + Lanes.start(n, lanes, lane + 1);
            for (int pos = from + Lanes.start(n, lanes, lane); pos < end; pos += Workspace.CHUNK) {
                int m = Math.min(Workspace.CHUNK, end - pos);
                Propagation.gather(data, rows, pos, m, ws);
                Propagation.forward(layout, params, ws, m);
                Propagation.output(layout, data, rows, pos, m, ws, scale);
                if (grad != null) {
                    boolean first = pos == from + Lanes.start(n, lanes, lane);
                    Propagation.backward(layout, params, g, ws, m, first);
                }
            }
        });
        if (grad != null && lanes > 1) {
            reduce(grad, lanes);
        }
        double loss = 0, error = 0;
        for (int lane = 0; lane < lanes; lane++) {
            loss += workspaces[lane].lossSum;
            error += workspaces[lane].errorSum;
        }
        return new Evaluation(loss / n, error);
    }

    /** {@code grad[i] = ((grad[i] + lane1[i]) + lane2[i]) + ...}: lane order, any thread split. */
    private void reduce(float[] grad, int lanes) {
        int p = layout.parameters;
        int parts = Math.max(1, Math.min(threads, p / 4096));
        Lanes.run(parts, threads, part -> {
            int lo = (int) ((long) p * part / parts), hi = (int) ((long) p * (part + 1) / parts);
            for (int lane = 1; lane < lanes; lane++) {
                float[] src = workspaces[lane].grad;
                for (int i = lo; i < hi; i++) {
                    grad[i] += src[i];
                }
            }
        });
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

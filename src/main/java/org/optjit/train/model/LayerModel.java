package org.optjit.train.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.layers.Sequential;
import org.optjit.train.model.layers.TensorSpec;

/**
 * A model made of {@link org.optjit.train.model.layers.Layer layers} (a {@link Sequential})
 * with a loss {@link Head} on top, its parameters in one flat array: LeNet-5 and the
 * transformer ({@link Models}).
 *
 * <p>A batch is split into {@link Lanes} exactly as for {@link Network} (through the same
 * {@link LanePass}); each lane runs its rows in chunks of {@link #chunk} examples through its
 * own buffers and adds their gradient into its lane's array, which starts at zero. Results
 * are therefore bit-for-bit the same for any thread count. Not safe for concurrent calls.
 */
public final class LayerModel implements Model {

    /** One lane's buffers, allocated once. */
    private static final class LaneBuffers {
        final float[] x, z, delta;
        final Sequential.Scratch scratch;
        double lossSum, errorSum;

        LaneBuffers(Sequential net, Head head, int chunk) {
            x = new float[chunk * net.inputSize()];
            z = new float[chunk * head.logits()];
            delta = new float[z.length];
            scratch = net.newScratch(chunk);
        }
    }

    private final Sequential net;
    private final Head head;
    private final String description;
    private final int chunk;
    private final List<TensorShape> tensors;
    private final LanePass lanes;
    private final LaneBuffers[] buffers = new LaneBuffers[Lanes.MAX_LANES];

    /**
     * @param chunk examples per forward/backward call of a lane (bounds the buffers' memory;
     *              part of the model, so results do not depend on it changing)
     * @param minLaneRows the fewest rows a lane of a batch gets (also part of the model: the
     *              lanes, and so the results, are a function of the batch size and this)
     */
    public LayerModel(Sequential net, Head head, String description, int chunk, int minLaneRows) {
        if (net.outputSize() != head.logits()) {
            throw new IllegalArgumentException("the layers give " + net.outputSize() + " values per example, the loss"
                    + " needs " + head.logits());
        }
        this.net = net;
        this.head = head;
        this.description = description;
        this.chunk = chunk;
        net.place(0);
        List<TensorShape> t = new ArrayList<>();
        int offset = 0;
        for (TensorSpec s : net.tensors()) {
            t.add(new TensorShape(s.name(), offset, s.rows(), s.cols(), s.bias()));
            offset += s.size();
        }
        this.tensors = List.copyOf(t);
        this.lanes = new LanePass(net.parameterCount(), minLaneRows);
    }

    @Override
    public int parameterCount() {
        return net.parameterCount();
    }

    @Override
    public List<TensorShape> tensors() {
        return tensors;
    }

    @Override
    public String describe() {
        return description;
    }

    /** The layers, e.g. for checking a model's shape. */
    public Sequential layers() {
        return net;
    }

    @Override
    public void setThreads(int threads) {
        lanes.setThreads(threads);
    }

    /** Each tensor in order, element by element: its constant plus its std times N(0, 1). */
    @Override
    public void initialize(float[] params, Initialization init, RandomGenerator rng) {
        checkLength(params, "params");
        if (init != Initialization.FAN_IN) {
            throw new IllegalArgumentException(init + " initialisation is for multi-layer perceptrons; "
                    + description + " draws each tensor's own (fan-in for weights)");
        }
        int o = 0;
        for (TensorSpec s : net.tensors()) {
            for (int i = 0; i < s.size(); i++, o++) {
                params[o] = s.std() == 0 ? s.constant() : (float) (s.constant() + s.std() * rng.nextGaussian());
            }
        }
    }

    @Override
    public double lossAndGradient(float[] params, float[] grad, Dataset data, int[] rows, int from, int to) {
        checkLength(params, "params");
        checkLength(grad, "grad");
        check(data, rows, from, to);
        if (to == from) {
            throw new IllegalArgumentException("an empty batch has no mean loss");
        }
        return run(params, grad, data, rows, from, to).loss() / (to - from);
    }

    @Override
    public Evaluation evaluate(float[] params, Dataset data) {
        checkLength(params, "params");
        check(data, null, 0, data.size());
        if (data.size() == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        Evaluation sums = run(params, null, data, null, 0, data.size());
        return new Evaluation(sums.loss() / data.size(), sums.error() / data.size());
    }

    /** Forward (and backward if grad != null) over the rows; returns the loss and error sums. */
    private Evaluation run(float[] params, float[] grad, Dataset data, int[] rows, int from, int to) {
        int n = to - from;
        float scale = grad == null ? 0f : 1f / n;
        for (int lane = 0; lane < lanes.lanes(n); lane++) {
            if (buffers[lane] == null) {
                buffers[lane] = new LaneBuffers(net, head, chunk);
            }
        }
        int count = lanes.run(from, n, grad, (lane, g, start, end) -> {
            LaneBuffers b = buffers[lane];
            b.lossSum = 0;
            b.errorSum = 0;
            if (g != null) {
                java.util.Arrays.fill(g, 0f);
            }
            for (int pos = start; pos < end; pos += chunk) {
                int m = Math.min(chunk, end - pos);
                LanePass.gather(data, rows, pos, m, b.x);
                net.forward(params, b.x, b.z, m, b.scratch);
                Evaluation e = head.apply(b.z, b.delta, data, rows, pos, m, scale);
                b.lossSum += e.loss();
                b.errorSum += e.error();
                if (g != null) {
                    net.backward(params, g, b.x, b.z, b.delta, null, m, b.scratch);
                }
            }
        });
        double loss = 0, error = 0;
        for (int lane = 0; lane < count; lane++) {
            loss += buffers[lane].lossSum;
            error += buffers[lane].errorSum;
        }
        return new Evaluation(loss, error);
    }

    private void checkLength(float[] a, String what) {
        if (a.length != net.parameterCount()) {
            throw new IllegalArgumentException(what + " has " + a.length + " elements, the model " + description
                    + " has " + net.parameterCount() + " parameters");
        }
    }

    private void check(Dataset data, int[] rows, int from, int to) {
        if (data.inputSize() != net.inputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.inputSize() + " inputs, the model "
                    + description + " expects " + net.inputSize());
        }
        head.check(data);
        Objects.checkFromToIndex(from, to, rows == null ? data.size() : rows.length);
    }
}

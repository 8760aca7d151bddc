package org.optjit.search.fitness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.optjit.Optimizer;
import org.optjit.train.Rng;
import org.optjit.train.data.Blobs;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Evaluation;
import org.optjit.train.model.Initialization;
import org.optjit.train.model.Network;

/**
 * A small classifier (the core's {@link Network}) trained with mini-batches on the core's
 * generated blobs ({@link Blobs}: 5 classes in 32 dimensions). The score is the loss on
 * {@code evalStream}: 0 scores the training rows themselves, another stream held-out rows.
 *
 * @param hidden     hidden layer sizes
 * @param rows       training rows
 * @param batch      mini-batch size
 * @param evalStream the Blobs stream the loss is measured on (0: the training rows)
 */
public record BlobsMlp(String name, int[] hidden, int rows, int batch, long seed, int evalStream)
        implements NetworkWorkload {

    /** Generated data, per JVM (an executor makes them once, from the seed). */
    private static final Map<String, Dataset> DATA = new ConcurrentHashMap<>();

    @Override
    public Progress train(Optimizer optimizer, int steps) {
        Network net = network();
        Dataset eval = data(evalStream);
        float[] params = initialParams(net);
        double initial = net.evaluate(params, eval).loss();
        trainFrom(net, params, optimizer, steps);
        return new Progress(initial, net.evaluate(params, eval).loss());
    }

    @Override
    public Evaluation trainAndTest(Optimizer optimizer, int steps, int stream) {
        Network net = network();
        float[] params = initialParams(net);
        trainFrom(net, params, optimizer, steps);
        return net.evaluate(params, data(stream));
    }

    private float[] initialParams(Network net) {
        float[] params = new float[net.parameterCount()];
        net.initialize(params, Initialization.FAN_IN, new Rng(seed));
        return params;
    }

    private void trainFrom(Network net, float[] params, Optimizer optimizer, int steps) {
        NetworkWorkload.train(net, params, data(0), optimizer, steps, batch, seed);
    }

    private Network network() {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = Blobs.INPUTS;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = Blobs.CLASSES;
        Network net = Network.classifier(sizes, Activation.TANH);
        net.setThreads(1);
        return net;
    }

    private Dataset data(int stream) {
        return DATA.computeIfAbsent(seed + "/" + stream + "/" + rows, k -> Blobs.generate(name, seed, stream, rows));
    }
}

package org.optjit.search.fitness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.optjit.Optimizer;
import org.optjit.train.Rng;
import org.optjit.train.data.Curves;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.Activation;
import org.optjit.train.model.Evaluation;
import org.optjit.train.model.Initialization;
import org.optjit.train.model.Loss;
import org.optjit.train.model.Network;

/**
 * A deep autoencoder on the core's generated CURVES images ({@link Curves}; Hinton and
 * Salakhutdinov 2006), with logistic units and logistic cross-entropy: the classic hard case
 * for plain gradient descent (Martens 2010). A task of another kind than every proxy.
 *
 * @param encoder the encoder's layer sizes after the 784 pixels (the decoder mirrors them)
 * @param rows    rows per data stream
 * @param batch   mini-batch size
 */
public record CurvesAutoencoder(String name, int[] encoder, int rows, int batch, long seed) implements NetworkWorkload {

    private static final Map<String, Dataset> DATA = new ConcurrentHashMap<>();

    @Override
    public Progress train(Optimizer optimizer, int steps) {
        Network net = network();
        float[] params = initialParams(net);
        double initial = net.evaluate(params, data(1)).loss();
        NetworkWorkload.train(net, params, data(0), optimizer, steps, batch, seed);
        return new Progress(initial, net.evaluate(params, data(1)).loss());
    }

    @Override
    public Evaluation trainAndTest(Optimizer optimizer, int steps, int stream) {
        Network net = network();
        float[] params = initialParams(net);
        NetworkWorkload.train(net, params, data(0), optimizer, steps, batch, seed);
        return net.evaluate(params, data(stream));
    }

    private float[] initialParams(Network net) {
        float[] params = new float[net.parameterCount()];
        net.initialize(params, Initialization.FAN_IN, new Rng(seed));
        return params;
    }

    private Network network() {
        int[] sizes = new int[encoder.length + 1];
        sizes[0] = Curves.PIXELS;
        System.arraycopy(encoder, 0, sizes, 1, encoder.length);
        Network net = Network.autoencoder(sizes, Activation.LOGISTIC, Loss.LOGISTIC_CROSS_ENTROPY);
        net.setThreads(1);
        return net;
    }

    private Dataset data(int stream) {
        return DATA.computeIfAbsent(seed + "/" + stream + "/" + rows,
                k -> new Dataset(name, Curves.generate(seed, stream, rows), Curves.PIXELS, null, 0));
    }
}

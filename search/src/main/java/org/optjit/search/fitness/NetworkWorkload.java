package org.optjit.search.fitness;

import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.train.Rng;
import org.optjit.train.data.Dataset;
import org.optjit.train.model.Evaluation;
import org.optjit.train.model.Network;

/**
 * A workload that trains one of the core's networks with mini-batches on generated data,
 * streams of which (0: training rows, 1: validation, 2: test) are made from the seed.
 */
public interface NetworkWorkload extends Workload {

    /** Loss and error on data stream {@code stream} after {@code steps} steps. */
    Evaluation trainAndTest(Optimizer optimizer, int steps, int stream);

    /**
     * Mini-batch training: the rows in a seeded random order, reshuffled at each pass
     * (Rng stream 7 of the seed); one optimizer step per batch. The optimizer gets the
     * network's layout (each weight matrix and bias vector a tensor), as in the trainer.
     */
    static void train(Network net, float[] params, Dataset train, Optimizer optimizer, int steps, int batch, long seed) {
        float[] grad = new float[params.length];
        OptimizerState state = optimizer.newState(params, net.parameterLayout(false));
        Rng order = Rng.stream(seed, 7);
        int rows = train.size();
        int[] rowOrder = new int[rows];
        for (int i = 0; i < rows; i++) {
            rowOrder[i] = i;
        }
        int at = rows;
        for (int s = 0; s < steps; s++) {
            if (at + batch > rows) {
                order.shuffle(rowOrder);
                at = 0;
            }
            net.lossAndGradient(params, grad, train, rowOrder, at, at + batch);
            at += batch;
            optimizer.step(params, grad, state);
        }
    }
}

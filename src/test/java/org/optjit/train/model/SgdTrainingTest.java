package org.optjit.train.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optjit.train.Rng;
import org.optjit.train.data.DataSources;
import org.optjit.train.data.Dataset;
import org.optjit.train.data.Limits;
import org.optjit.train.data.Splits;

/**
 * A short real training run: plain mini-batch SGD with momentum, written out here (no
 * optjit rule involved), on the generated blobs. Each blob class is two clusters, so a
 * linear model cannot separate them; the 32-32-5 tanh network must reach 90% test accuracy
 * in 20 epochs, and its training loss must fall below half its starting value.
 */
class SgdTrainingTest {

    @Test
    void blobsReachNinetyPercent() {
        Splits s = DataSources.load("blobs", 1, Limits.NONE);
        Network net = Network.classifier(new int[] {32, 32, 5}, Activation.TANH);
        Rng rng = new Rng(3);
        float[] w = new float[net.parameterCount()], g = new float[w.length], v = new float[w.length];
        net.initialize(w, Initialization.FAN_IN, rng);
        Dataset train = s.train();
        double start = net.evaluate(w, train).loss();
        int[] order = new int[train.size()];
        java.util.Arrays.setAll(order, i -> i);
        for (int epoch = 0; epoch < 20; epoch++) {
            rng.shuffle(order);
            for (int b = 0; b + 32 <= order.length; b += 32) {
                net.lossAndGradient(w, g, train, order, b, b + 32);
                for (int i = 0; i < w.length; i++) {
                    v[i] = 0.9f * v[i] - 0.02f * g[i];
                    w[i] += v[i];
                }
            }
        }
        Evaluation trained = net.evaluate(w, train), test = net.evaluate(w, s.test());
        System.out.println("blobs: start loss " + start + ", train " + trained + ", test " + test);
        assertTrue(trained.loss() < start / 2, "training loss " + trained.loss() + " from " + start);
        assertTrue(test.error() <= 0.10, "test error " + test.error());
    }
}

package org.optjit.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The two networks of issue 9's targets, built with Deeplearning4j in the shapes optjit
 * trains: float32, Adam with learning rate 1e-3 (optjit's examples/adam.opt default),
 * softmax with cross-entropy.
 */
enum Workload {

    /** 784-256-10, ReLU hidden units; mini-batches of 128. */
    MLP(128) {
        @Override
        MultiLayerConfiguration configuration(long seed, int inputs, int classes) {
            return base(seed).list()
                    .layer(new DenseLayer.Builder().nIn(inputs).nOut(256).activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).nIn(256).nOut(classes)
                            .activation(Activation.SOFTMAX).build())
                    .build();
        }

        @Override
        double flopsPerExample(int inputs, int classes) {
            // forward 2(784*256 + 256*10); backward: both weight gradients and the hidden layer's
            // input gradient (none for the input layer)
            double forward = 2.0 * (inputs * 256 + 256 * classes);
            return 2 * forward + 2.0 * 256 * classes;
        }
    },

    /**
     * LeNet-5 as in Deeplearning4j's LeNet example and optjit's {@code --model lenet5}: conv
     * 5x5x20 (linear), max-pool 2, conv 5x5x50 (linear), max-pool 2, dense 500 ReLU,
     * softmax; mini-batches of 64.
     */
    LENET5(64) {
        @Override
        MultiLayerConfiguration configuration(long seed, int inputs, int classes) {
            int side = side(inputs);
            return base(seed).list()
                    .layer(new ConvolutionLayer.Builder(5, 5).nIn(1).stride(1, 1).nOut(20)
                            .activation(Activation.IDENTITY).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                            .stride(2, 2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(50)
                            .activation(Activation.IDENTITY).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                            .stride(2, 2).build())
                    .layer(new DenseLayer.Builder().activation(Activation.RELU).nOut(500).build())
                    .layer(new OutputLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).nOut(classes)
                            .activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutionalFlat(side, side, 1))
                    .build();
        }

        @Override
        double flopsPerExample(int inputs, int classes) {
            int side = side(inputs);
            int c1 = side - 4, p1 = c1 / 2, c2 = p1 - 4, p2 = c2 / 2;     // 24, 12, 8, 4 for 28x28
            double conv1 = 2.0 * c1 * c1 * 20 * 25;                        // 1 input channel
            double conv2 = 2.0 * c2 * c2 * 50 * 25 * 20;
            double dense1 = 2.0 * p2 * p2 * 50 * 500;
            double dense2 = 2.0 * 500 * classes;
            double forward = conv1 + conv2 + dense1 + dense2;
            // backward: every weight gradient, and the input gradient of every layer but the first
            return 2 * forward + conv2 + dense1 + dense2;
        }
    };

    /** The mini-batch size of the target. */
    final int batch;

    Workload(int batch) {
        this.batch = batch;
    }

    abstract MultiLayerConfiguration configuration(long seed, int inputs, int classes);

    /** Multiply-adds times 2 of one example's forward and backward pass (pooling and activations not counted). */
    abstract double flopsPerExample(int inputs, int classes);

    static NeuralNetConfiguration.Builder base(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(new Adam(1e-3));
    }

    static int side(int inputs) {
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            throw new IllegalArgumentException("LeNet-5 needs square one-channel images, not " + inputs + " inputs");
        }
        return side;
    }
}

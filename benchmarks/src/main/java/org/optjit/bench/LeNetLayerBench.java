package org.optjit.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optjit.blas.BlasChoice;
import org.optjit.blas.BlasLibrary;
import org.optjit.train.model.Models;
import org.optjit.train.model.layers.Layer;
import org.optjit.train.model.layers.Sequential;

/**
 * Where LeNet-5's time goes: one layer's forward or backward pass on one lane's rows (32
 * examples, the lane of a mini-batch of 64), on one thread with the bundled OpenBLAS
 * (one thread per call, as the trainer calls it). The layers are LeNet-5's on 28x28 images;
 * their inputs are the previous layers' outputs on random images, so max pooling sees real
 * winners. Sum the rows of a run for the whole pass of a lane.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LeNetLayerBench {

    @Param({"conv1", "pool1", "conv2", "pool2", "dense1", "relu1", "dense2"})
    public String layer;

    @Param({"32"})
    public int rows;

    private Layer<Object> part;
    private Object scratch;
    private float[] params, grad, x, y, dy, dx;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setUp() {
        BlasLibrary.select(BlasChoice.NATIVE);
        Sequential net = Models.lenet5(784, 10).layers();
        SplittableRandom r = new SplittableRandom(1);
        params = new float[net.parameterCount()];
        grad = new float[params.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextGaussian() * 0.05);
        }
        float[] in = new float[rows * net.inputSize()];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextDouble();
        }
        List<Sequential.Part> parts = net.parts();
        int at = 0;
        for (Sequential.Part p : parts) {
            Layer<Object> l = (Layer<Object>) p.layer();
            Object s = l.newScratch(rows);
            float[] out = new float[rows * l.outputSize()];
            l.forward(params, in, out, rows, s);
            if (p.name().equals(layer)) {
                part = l;
                scratch = s;
                x = in;
                y = out;
                break;
            }
            in = out;
            at++;
        }
        if (part == null) {
            throw new IllegalArgumentException("no layer " + layer);
        }
        dy = new float[y.length];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) (r.nextDouble() - 0.5);
        }
        // the first layer computes no input gradient, as in training
        dx = at == 0 ? null : new float[x.length];
    }

    @Benchmark
    public float[] forward() {
        part.forward(params, x, y, rows, scratch);
        return y;
    }

    /** After {@link #forward} in setup, so the scratch (im2col, the pooling winners) is the one backward reads. */
    @Benchmark
    public float[] backward() {
        part.backward(params, grad, x, y, dy, dx, rows, scratch);
        return grad;
    }
}
// Run: java -jar benchmarks/target/benchmarks.jar LeNetLayerBench (after benchmarks/run.sh builds it)

package org.optjit.search.fitness;

import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.train.Rng;

/**
 * An ill-conditioned quadratic bowl with noisy gradients:
 * {@code f(w) = 1/2 sum_i h_i (w_i - c_i)^2} with curvatures {@code h_i} spaced
 * logarithmically from 1 to {@code condition}, the minimum {@code c} drawn from the seed,
 * and Gaussian noise of standard deviation {@code noise} added to each gradient (the noisy
 * quadratic model of Zhang et al. 2019, which predicts how optimizers differ with batch
 * size). The loss is the exact, noise-free {@code f}. The weights are the tensors of
 * {@code shapes} ({@link TensorShapes}), so that curvature differs between tensors and along
 * their rows.
 */
public record Bowl(String name, String shapes, double condition, double noise, long seed) implements Workload {

    @Override
    public Progress train(Optimizer optimizer, int steps) {
        Layout layout = TensorShapes.layout(shapes);
        int dimension = layout.size();
        double[] h = new double[dimension];
        float[] c = new float[dimension];
        Rng init = Rng.stream(seed, 0);
        for (int i = 0; i < dimension; i++) {
            h[i] = Math.pow(condition, i / (double) Math.max(1, dimension - 1));
            c[i] = (float) init.nextGaussian();
        }
        float[] w = new float[dimension];
        float[] g = new float[dimension];
        OptimizerState state = optimizer.newState(w, layout);
        Rng noisy = Rng.stream(seed, 1);
        double initial = loss(w, h, c);
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < dimension; i++) {
                g[i] = (float) (h[i] * (w[i] - c[i]) + noise * noisy.nextGaussian());
            }
            optimizer.step(w, g, state);
        }
        return new Progress(initial, loss(w, h, c));
    }

    private static double loss(float[] w, double[] h, float[] c) {
        double f = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - c[i];
            f += 0.5 * h[i] * d * d;
        }
        return f;
    }
}

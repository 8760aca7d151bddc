package org.optjit.search.fitness;

import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/**
 * {@code pairs} independent copies of Rosenbrock's valley,
 * {@code f(x, y) = (1 - x)^2 + 100 (y - x^2)^2}, started near the classic (-1.2, 1) with a
 * different offset each, so that one rule meets several starting points at once. The
 * weights are one {@code pairs x 2} matrix, a valley per row: {@code [row]} reductions see a
 * valley, {@code [col]} ones every {@code x} or every {@code y}.
 */
public record Rosenbrock(String name, int pairs) implements Workload {

    @Override
    public Progress train(Optimizer optimizer, int steps) {
        float[] w = new float[2 * pairs];
        for (int k = 0; k < pairs; k++) {
            w[2 * k] = -1.2f + 0.15f * k;
            w[2 * k + 1] = 1f - 0.1f * k;
        }
        float[] g = new float[w.length];
        OptimizerState state = optimizer.newState(w, Layout.builder().matrix("valleys", pairs, 2).build());
        double initial = loss(w);
        for (int s = 0; s < steps; s++) {
            for (int k = 0; k < pairs; k++) {
                double x = w[2 * k];
                double y = w[2 * k + 1];
                g[2 * k] = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
                g[2 * k + 1] = (float) (200 * (y - x * x));
            }
            optimizer.step(w, g, state);
        }
        return new Progress(initial, loss(w));
    }

    private double loss(float[] w) {
        double f = 0;
        for (int k = 0; k < pairs; k++) {
            double x = w[2 * k];
            double y = w[2 * k + 1];
            f += (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }
        return f;
    }
}

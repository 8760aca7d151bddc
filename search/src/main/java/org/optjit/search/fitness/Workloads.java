package org.optjit.search.fitness;

import java.util.List;

/**
 * The workloads of a search. The proxies select; the held-out workload (an autoencoder on
 * generated images, measured on rows it never trained on) only scores the finalists at the
 * end and never influences selection.
 */
public final class Workloads {

    private Workloads() {
    }

    /**
     * The default proxy set: an ill-conditioned noisy bowl (a 4 x 6 matrix and a vector of 8),
     * Rosenbrock (a 4 x 2 matrix), a tiny MLP (its layers' matrices and bias vectors).
     */
    public static List<Workload> proxies() {
        return List.of(
                new Bowl("bowl", "4x6,8", 1000, 0.01, 11),
                new Rosenbrock("rosenbrock", 4),
                new BlobsMlp("mlp", new int[] {16}, 256, 32, 12, 0));
    }

    /** Only the quadratic bowl: the tests' proxy. */
    public static List<Workload> bowlOnly() {
        return List.of(new Bowl("bowl", "3x4,4", 100, 0.0, 11));
    }

    /**
     * The held-out workload: a CURVES autoencoder (784-100-20-6 and its mirror), a task of
     * another kind than every proxy; validation loss on stream 1 picks the rate, stream 2 is
     * the test.
     */
    public static NetworkWorkload heldOut() {
        return new CurvesAutoencoder("curves-autoencoder", new int[] {100, 20, 6}, 2000, 10, 20261130);
    }

    /** Rates of the proxies' grid: one per decade from 1e-4 to 1. */
    public static List<Double> proxyRates() {
        return FitnessSpec.logGrid(-4, 0, 1);
    }

    /** Rates of the held-out grid: the proxies' grid. */
    public static List<Double> heldOutRates() {
        return proxyRates();
    }
}

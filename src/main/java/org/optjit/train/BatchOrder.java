package org.optjit.train;

import java.util.SplittableRandom;

/**
 * The order in which training examples are visited: a fresh shuffle for every epoch, a
 * pure function of (seed, epoch). Nothing about it has to be stored in a checkpoint
 * beyond the seed and the position, and two runs with the same seed (two rules in
 * {@code compare}) see exactly the same mini-batches.
 *
 * <p>Full-batch mode (lecture 6d/6e: rprop and adaptive gains need the whole training set
 * so that sign changes of the gradient are not mini-batch noise) is a batch as large as
 * the training set: one step per epoch.
 */
public final class BatchOrder {

    private final long seed;
    private final int examples;
    private final int batch;

    /**
     * @param seed     the run's seed
     * @param examples training set size (at least 1)
     * @param batch    mini-batch size, or {@link BatchSize#FULL}
     */
    public BatchOrder(long seed, int examples, BatchSize batch) {
        if (examples < 1) {
            throw new IllegalArgumentException("no training examples");
        }
        this.seed = seed;
        this.examples = examples;
        this.batch = batch.isFull() ? examples : Math.min(batch.size(), examples);
    }

    /** Steps per epoch: the last mini-batch may be smaller than the others. */
    public int stepsPerEpoch() {
        return (examples + batch - 1) / batch;
    }

    /** The examples of {@code step} (0-based within the epoch) are {@code order[from(step)..to(step))}. */
    public int from(int step) {
        return step * batch;
    }

    public int to(int step) {
        return Math.min(examples, (step + 1) * batch);
    }

    /**
     * The permutation of the training set used in {@code epoch} (1-based): a Fisher-Yates
     * shuffle driven by a generator seeded from the run's seed and the epoch.
     */
    public int[] permutation(int epoch) {
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        // Golden-ratio increment as in SplittableRandom itself: distinct, well-mixed seeds per epoch.
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * epoch));
        for (int i = examples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}

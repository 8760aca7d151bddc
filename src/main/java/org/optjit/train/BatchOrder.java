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
    /** Class of each training example when mini-batches are balanced, else null. */
    private final int[] labels;

    /**
     * @param seed     the run's seed
     * @param examples training set size (at least 1)
     * @param batch    mini-batch size, or {@link BatchSize#FULL}
     */
    public BatchOrder(long seed, int examples, BatchSize batch) {
        this(seed, examples, batch, null);
    }

    /**
     * @param labels the class of each training example, to balance mini-batches for classes
     *               (lecture 6a), or null for a plain shuffle
     */
    public BatchOrder(long seed, int examples, BatchSize batch, int[] labels) {
        if (labels != null && labels.length != examples) {
            throw new IllegalArgumentException(labels.length + " labels for " + examples + " examples");
        }
        this.labels = labels;
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
        int[] order = shuffled(epoch);
        return labels == null ? order : balanced(order);
    }

    private int[] shuffled(int epoch) {
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

    /**
     * Spreads each class evenly over the epoch, keeping the shuffled order within a class:
     * the k-th of a class's n examples (in shuffled order) gets the position (k + 1/2) / n,
     * and the epoch visits examples by position (ties by class). Every run of consecutive
     * examples, so every mini-batch, then holds each class in proportion to its share of the
     * training set, within one example.
     */
    private int[] balanced(int[] shuffled) {
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        // Positions need 31 bits, classes 8, the index 24: fine for these data sets, and
        // checked so that a larger one fails loudly instead of mixing up its order.
        if (examples >= (1 << 24) || classes > 255) {
            throw new IllegalArgumentException("balanced mini-batches support up to 2^24 examples and 255 classes");
        }
        int[] count = new int[classes];
        for (int label : labels) {
            count[label]++;
        }
        int[] seen = new int[classes];
        long[] keyed = new long[examples];
        for (int i = 0; i < examples; i++) {
            int example = shuffled[i];
            int c = labels[example];
            int k = seen[c]++;
            // (k + 1/2) / n in fixed point: 2^31 steps are ample to order up to 2^31 examples.
            long position = ((2L * k + 1) << 30) / count[c];
            keyed[i] = (position << 32) | ((long) c << 24) | i;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = shuffled[(int) (keyed[i] & 0xFFFFFF)];
        }
        return order;
    }
}

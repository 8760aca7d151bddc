package org.optjit.train.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Splits a batch into a fixed number of lanes and runs the lanes on threads.
 *
 * <p>Reproducibility comes from the lanes, not the threads: how many lanes a batch has and
 * which rows each gets depend only on the batch size, each lane sums its rows into its own
 * gradient buffer, and the buffers are added in lane order. Which thread runs a lane, and
 * when, cannot change a bit, so the result is the same for 1, 2 or 16 threads.
 */
final class Lanes {

    /** At most this many lanes (a power of two): enough for a few cores without splitting a batch thinly. */
    static final int MAX_LANES = 4;
    /**
     * A lane gets at least this many rows: thinner matrix products waste the BLAS (netlib's
     * Vector API sgemm runs a 256x784 by 784x32 product at about a quarter of the speed of
     * the 784x64 one), so a mini-batch of 128 is two lanes.
     */
    static final int MIN_LANE_ROWS = 64;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "optjit-lane");
        t.setDaemon(true);
        return t;
    });

    private Lanes() {
    }

    /**
     * The number of lanes for a batch of {@code rows} rows (a function of rows only): 1, 2 or
     * 4, a power of two so that the lanes share out evenly over 2 or 4 cores (3 lanes on 2
     * cores would leave one core idle half the time).
     */
    static int count(int rows) {
        return count(rows, MIN_LANE_ROWS);
    }

    /**
     * The same with another least number of rows per lane: a model whose products stay
     * large on fewer rows (a convolution multiplies every output pixel of its rows) splits
     * smaller batches.
     */
    static int count(int rows, int minLaneRows) {
        return Integer.highestOneBit(Math.max(1, Math.min(MAX_LANES, rows / minLaneRows)));
    }

    /** The first row (relative to the batch start) of lane {@code lane} of {@code lanes}. */
    static int start(int rows, int lanes, int lane) {
        return (int) ((long) rows * lane / lanes);
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code [0, tasks)} on at most
     * {@code threads} threads (the calling thread is one of them); returns when all are done.
     */
    static void run(int tasks, int threads, IntConsumer task) {
        int workers = Math.min(tasks, Math.max(1, threads));
        if (workers == 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        Future<?>[] futures = new Future<?>[workers - 1];
        for (int w = 1; w < workers; w++) {
            int first = w;
            futures[w - 1] = POOL.submit(() -> {
                for (int i = first; i < tasks; i += workers) {
                    task.accept(i);
                }
            });
        }
        RuntimeException failure = null;
        try {
            for (int i = 0; i < tasks; i += workers) {
                task.accept(i);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a lane", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException ? (RuntimeException) cause
                            : new IllegalStateException(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

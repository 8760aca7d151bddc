package org.optjit.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a loop kernel over a range of weights, split across threads when the range is large.
 *
 * <p>Every weight's update depends only on that weight's own array elements, so any split
 * gives bit-identical results. The range is cut into chunks that the threads take in turn
 * from a shared counter (the calling thread starts at once; a pool thread joins when it
 * wakes), so a thread that starts late or is slowed by another process on its core simply
 * takes fewer chunks: a fixed split into equal parts would make every step as slow as its
 * slowest part, which on a shared machine cost a tenth of the all-thread bandwidth. Chunks
 * are multiples of {@link #ALIGN} floats (64 bytes: a cache line, and a whole number of
 * vectors for every species up to 512 bits), so that two threads never write the same cache
 * line and vector loops see few tails, and they are large enough ({@link #MIN_CHUNK}) that
 * taking one costs nothing measurable. Ranges shorter than {@link #MIN_PARALLEL} stay on the
 * calling thread, where handing work to another thread would cost more than it saves.
 */
public final class StepRunner {

    /** Chunk alignment, in floats. */
    public static final int ALIGN = 16;

    /**
     * Ranges shorter than this run on the calling thread. Handing a chunk to a pool thread
     * costs tens to hundreds of microseconds (measured 20-560 us on a 2-core machine), while
     * a 65,536-weight step takes about 7 us; at 2^18 weights and more the split pays.
     */
    public static final int MIN_PARALLEL = 1 << 18;

    /** The smallest chunk, in floats (256 KB of each array). */
    public static final int MIN_CHUNK = 1 << 16;

    /** About this many chunks per thread: enough to even out a late or slowed thread. */
    private static final int CHUNKS_PER_THREAD = 16;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "optjit-step");
        t.setDaemon(true);
        return t;
    });

    private StepRunner() {
    }

    /**
     * The default number of threads: the system property {@code optjit.threads} if set,
     * else the number of available processors.
     */
    public static int defaultThreads() {
        String p = System.getProperty("optjit.threads");
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the processor count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code kernel} over {@code [from, to)} with at most {@code threads} threads. */
    public static void run(LoopKernel kernel, float[] w, float[] g, float[][] state, float[] uniforms,
                           int from, int to, int threads) {
        int n = to - from;
        int parts = Math.min(threads, n / (MIN_PARALLEL / 2));
        if (parts <= 1 || n < MIN_PARALLEL) {
            kernel.run(w, g, state, uniforms, from, to);
            return;
        }
        Chunks chunks = new Chunks(from, to, chunkSize(n, parts));
        Runnable worker = () -> {
            for (int lo = chunks.next(); lo < to; lo = chunks.next()) {
                kernel.run(w, g, state, uniforms, lo, Math.min(to, lo + chunks.size));
            }
        };
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 0; p < futures.length; p++) {
            futures[p] = POOL.submit(worker);
        }
        worker.run();
        for (Future<?> f : futures) {
            await(f);
        }
    }

    /** Chunk length for {@code n} weights over {@code parts} threads: aligned, at least {@link #MIN_CHUNK}. */
    static int chunkSize(int n, int parts) {
        long wanted = (long) n / ((long) parts * CHUNKS_PER_THREAD);
        long aligned = (wanted + ALIGN - 1) / ALIGN * ALIGN;
        return (int) Math.max(MIN_CHUNK, Math.min(aligned, Integer.MAX_VALUE - ALIGN));
    }

    /** Runs {@code task} on the step pool. */
    static Future<?> submit(Runnable task) {
        return POOL.submit(task);
    }

    static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an optimizer step", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The start of each chunk of {@code [from, to)}, handed out once each, in order. */
    static final class Chunks {

        final int size;
        private final int to;
        private final AtomicLong next;

        Chunks(int from, int to, int size) {
            this.size = size;
            this.to = to;
            this.next = new AtomicLong(from);
        }

        /** The next chunk's first index, or {@code to} (or more) when none is left. */
        int next() {
            long lo = next.getAndAdd(size);
            return (int) Math.min(lo, to);
        }
    }
}

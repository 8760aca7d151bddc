package org.optjit.runtime;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per tensor on up to {@code threads} threads. Threads take the next tensor
 * from a shared counter (the calling thread among them), as {@link StepRunner} does with
 * chunks, so a thread slowed by another process simply takes fewer tensors. A tensor is
 * never split, so a task that reads its tensor twice finds the tensor in this core's
 * caches the second time, and whatever it computes does not depend on the thread count.
 * The pool threads are {@link StepRunner}'s.
 */
public final class TensorTasks {

    private TensorTasks() {
    }

    /** Runs {@code task.accept(k)} for every {@code k} in {@code [0, count)}; returns when all are done. */
    public static void forEach(int count, int threads, IntConsumer task) {
        int parts = Math.min(threads, count);
        if (parts <= 1) {
            for (int k = 0; k < count; k++) {
                task.accept(k);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                task.accept(k);
            }
        };
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 0; p < futures.length; p++) {
            futures[p] = StepRunner.POOL.submit(worker);
        }
        worker.run();
        for (Future<?> f : futures) {
            StepRunner.await(f);
        }
    }
}

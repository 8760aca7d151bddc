package org.optjit.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.optjit.runtime.Parallel;

/**
 * Runs one task per tensor on up to {@code threads} threads ({@link Parallel}: the calling
 * thread and the step pool). Threads take the next tensor from a shared counter, as
 * {@code StepRunner} does with chunks, so a thread slowed by another process simply takes
 * fewer tensors. A tensor is never split, so a task that reads its tensor twice finds it in
 * this core's caches the second time, and whatever it computes does not depend on the
 * thread count.
 */
final class TensorTasks {

    private TensorTasks() {
    }

    /** Runs {@code task.accept(k)} for every {@code k} in {@code [0, count)}; returns when all are done. */
    static void forEach(int count, int threads, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                task.accept(k);
            }
        };
        List<Runnable> workers = new ArrayList<>();
        for (int p = 0; p < Math.max(1, Math.min(threads, count)); p++) {
            workers.add(worker);
        }
        Parallel.run(workers);
    }
}

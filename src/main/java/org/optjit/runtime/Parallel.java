package org.optjit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Runs a few tasks at once: the first on the calling thread, the others on the step pool
 * ({@link StepRunner}); returns when all are done, rethrowing the first failure.
 */
public final class Parallel {

    private Parallel() {
    }

    public static void run(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 1; k < tasks.size(); k++) {
            futures.add(StepRunner.submit(tasks.get(k)));
        }
        RuntimeException failure = null;
        try {
            tasks.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                StepRunner.await(f);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package org.optjit.runtime;

import java.util.function.IntConsumer;

/**
 * Runs {@code task(i)} for every {@code i} in {@code [0, count)}, each once, on the calling
 * thread and on helpers from the step pool ({@link StepRunner}), which take indices from a
 * shared counter. The caller starts at once and never waits for a helper to start: a
 * helper that wakes after the last index was taken finds nothing and returns, and the
 * caller waits only for indices a helper has taken and not finished.
 *
 * <p>Work in phases ({@link #runPhases}): the indices of a phase run only once every index of
 * the phases before has finished, so one set of helpers serves a sequence of steps that
 * depend on each other (the products of a Newton-Schulz iteration) without a hand-over per
 * step. A thread that takes an index of the next phase waits only for indices other threads
 * are running: indices are taken in order, so the earliest unfinished one always has a
 * thread on it.
 *
 * <p>Why not {@link Parallel}: a worker of a step that meets a large piece of work (an
 * {@code orth} of its tensor) while the other workers are still busy with theirs should not
 * wait for them, but should take the help of any that finish first; and waking a pool
 * thread costs tens to hundreds of microseconds, which a hand-over per product would pay
 * fifteen times per {@code orth}. The results must not depend on who runs which index; the
 * callers make sure they do not.
 */
public final class Claims {

    private final int count;
    private final int perPhase;
    private final IntConsumer task;
    private int next;
    private int finished;
    private Throwable failure;

    private Claims(int count, int perPhase, IntConsumer task) {
        this.count = count;
        this.perPhase = perPhase;
        this.task = task;
    }

    /**
     * Runs {@code task} on {@code [0, count)} with up to {@code threads} threads (the caller
     * and {@code threads - 1} helpers); returns when every index is done, rethrowing the first
     * failure.
     */
    public static void run(int count, int threads, IntConsumer task) {
        runPhases(1, count, threads, task);
    }

    /**
     * Runs {@code task} on {@code [0, phases * perPhase)}, phase after phase (index {@code i}
     * is in phase {@code i / perPhase}), with up to {@code threads} threads; returns when
     * every index is done, rethrowing the first failure.
     */
    public static void runPhases(int phases, int perPhase, int threads, IntConsumer task) {
        int count = phases * perPhase;
        if (threads <= 1 || perPhase <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        Claims claims = new Claims(count, perPhase, task);
        for (int h = 1; h < Math.min(threads, perPhase); h++) {
            StepRunner.submit(claims::work);
        }
        claims.work();
        claims.awaitAll();
    }

    private void work() {
        for (int i = claim(); i >= 0; i = claim()) {
            if (!awaitPhase(i / perPhase * perPhase)) {
                done(null); // a failure ended the work: this index will not run
                continue;
            }
            Throwable thrown = null;
            try {
                task.accept(i);
            } catch (Throwable t) {
                thrown = t;
            }
            done(thrown);
        }
    }

    private synchronized int claim() {
        return next < count && failure == null ? next++ : -1;
    }

    /** Waits until {@code before} indices have finished (the phases before); false after a failure. */
    private synchronized boolean awaitPhase(int before) {
        awaitFinished(before, true);
        return failure == null;
    }

    /** Waits until {@code target} indices have finished, or, if {@code orFailure}, until one has failed. */
    private synchronized void awaitFinished(int target, boolean orFailure) {
        boolean interrupted = false;
        while (finished < target && !(orFailure && failure != null)) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void done(Throwable thrown) {
        if (thrown != null && failure == null) {
            failure = thrown;
            finished += count - next; // what nobody took will not be run
            next = count;
        }
        finished++;
        if (finished == count || finished % perPhase == 0 || failure != null) {
            notifyAll();
        }
    }

    private synchronized void awaitAll() {
        awaitFinished(count, false);
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}

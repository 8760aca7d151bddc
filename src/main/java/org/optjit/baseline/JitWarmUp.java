package org.optjit.baseline;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warms a loop up before it is timed: steps a small array until the JIT has compiled it.
 * A step over millions of weights is called only a few times per second, so timing it
 * from a cold start measures seconds of the bytecode interpreter and then
 * on-stack-replaced code, which the Vector API in particular does not survive well (its
 * vectors are objects until C2 has inlined and intrinsified every operation).
 *
 * <p>There is no portable way to ask whether a given method is compiled, so this runs at
 * least {@link #MIN_STEPS} steps and then goes on in rounds of at least
 * {@link #ROUND_NANOS} until {@link #QUIET_ROUNDS} rounds in a row pass without any JIT
 * compilation finishing (when the JVM reports compilation time), or until the time
 * limit. A compilation can wait in the compiler's queue behind others (after parsing a
 * rule, say), and on a busy machine the compiler threads get little CPU, so one quiet
 * round is not proof. Used by the JMH
 * suite and by {@code optjit bench}.
 */
public final class JitWarmUp {

    /** Steps before the JIT is asked at all: enough for C2 at the default thresholds. */
    public static final int MIN_STEPS = 20_000;

    /** A round lasts at least this long: longer than C2 takes to compile a loop on a quiet machine. */
    public static final long ROUND_NANOS = 250_000_000L;

    /** Rounds in a row without finished compilations that end the warm-up. */
    public static final int QUIET_ROUNDS = 2;

    private JitWarmUp() {
    }

    /**
     * Runs {@code step} until the JIT is quiet, for at most {@code maxNanos}.
     *
     * @return whether the JIT went quiet before the time limit (false also when this JVM does
     *         not report compilation time): a step timed after {@code false} may still include
     *         compilation or code that is about to be replaced
     */
    public static boolean run(Runnable step, long maxNanos) {
        return run(step, MIN_STEPS, maxNanos);
    }

    /**
     * After {@link #run} on a small array, the same loop on the data it will be timed on, in
     * rounds until the JIT is quiet again, for at most {@code maxNanos}.
     * Bigger data takes paths the small array did not (longer calls, more reduction blocks,
     * other tensor shapes), and their first use sends compiled code back to the interpreter
     * until it is compiled again, which for Vector API code costs seconds of slow steps.
     *
     * @return as {@link #run}
     */
    public static boolean settle(Runnable step, long maxNanos) {
        return run(step, 1, maxNanos);
    }

    private static boolean run(Runnable step, int minSteps, long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canAsk = jit != null && jit.isCompilationTimeMonitoringSupported();
        for (int k = 0; k < minSteps && System.nanoTime() < deadline; k++) {
            step.run();
        }
        if (!canAsk) {
            return false;
        }
        long compileTime = jit.getTotalCompilationTime();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long roundEnd = Math.min(deadline, System.nanoTime() + ROUND_NANOS);
            do {
                step.run();
            } while (System.nanoTime() < roundEnd);
            long now = jit.getTotalCompilationTime();
            quiet = now == compileTime ? quiet + 1 : 0;
            if (quiet == QUIET_ROUNDS) {
                return true;
            }
            compileTime = now;
        }
        return false;
    }
}

package org.optjit.bench;

/**
 * One step of each of two loops in a benchmark invocation, the first of the two alternating
 * from one invocation to the next, each step timed: both see the same minutes of a shared
 * host, and neither always follows the other (whose cache state it would inherit).
 */
final class Alternate {

    private Alternate() {
    }

    /**
     * Runs {@code a} and {@code b} once each, {@code a} first when {@code invocation} is even.
     *
     * @param nanos receives the time of {@code a} in element 0 and of {@code b} in element 1
     */
    static void round(long invocation, Runnable a, Runnable b, long[] nanos) {
        for (int j = 0; j < 2; j++) {
            boolean first = ((invocation + j) & 1) == 0;
            long t0 = System.nanoTime();
            (first ? a : b).run();
            nanos[first ? 0 : 1] = System.nanoTime() - t0;
        }
    }
}

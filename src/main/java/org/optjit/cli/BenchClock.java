package org.optjit.cli;

import java.util.Arrays;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.baseline.JitWarmUp;

/**
 * The time {@code optjit bench} has ({@code --seconds}, warm-ups included), shared among its
 * measurements, and how one measurement spends its share: warming a loop up on a small array,
 * settling it on the real one ({@link JitWarmUp}), then timing it alone ({@link #secondsPerRun})
 * or alternating with another loop ({@link #paired}).
 */
final class BenchClock {

    /** Weights of the small array each loop is warmed up on ({@link JitWarmUp}). */
    static final int WARM_UP_SIZE = 1024;

    /** What a loop over a layout is warmed up on: a matrix and a vector, about {@link #WARM_UP_SIZE} weights. */
    private static final Layout WARM_UP_LAYOUT = Layout.builder().matrix("m", 24, 40).vector("v", 64).build();

    /** A round of {@link #paired} times each loop for about this long. */
    private static final long ROUND_NANOS = 1_000_000;

    private final long startNanos = System.nanoTime();
    private final double budgetSeconds;
    private final double warmUpSeconds;
    private int measurementsLeft;
    private boolean warmedUp = true;

    BenchClock(double budgetSeconds, double warmUpSeconds, int measurements) {
        this.budgetSeconds = budgetSeconds;
        this.warmUpSeconds = warmUpSeconds;
        this.measurementsLeft = measurements;
    }

    double budgetSeconds() {
        return budgetSeconds;
    }

    /** Whether the JIT went quiet in every warm-up on a small array since the last call. */
    boolean warmedUp() {
        boolean w = warmedUp;
        warmedUp = true;
        return w;
    }

    /** A measurement that will not run: the others share its time. */
    void skip() {
        measurementsLeft--;
    }

    /** This measurement's share of what is left of the budget. */
    private long shareNanos() {
        long left = (long) (budgetSeconds * 1e9) - (System.nanoTime() - startNanos);
        return Math.max(0, left / Math.max(1, measurementsLeft));
    }

    /**
     * Warms {@code opt} up on a small array (with a layout: a small matrix and a vector, so that
     * both kinds of tensor are compiled) for at most {@code part} of this measurement's share,
     * then on a copy of {@code w0} (on {@code layout}, or one vector when it is null) until the
     * JIT is quiet again, for at most two thirds as long. Returns a step over that copy.
     */
    Runnable prepare(Optimizer opt, float[] w0, float[][] g, Layout layout, double part) {
        int n = layout == null ? Math.min(WARM_UP_SIZE, w0.length) : WARM_UP_LAYOUT.size();
        float[] small = Arrays.copyOf(w0, n);
        float[][] smallG = {Arrays.copyOf(g[0], n), Arrays.copyOf(g[1], n)};
        OptimizerState smallState = layout == null ? opt.newState(small) : opt.newState(small, WARM_UP_LAYOUT);
        warmUp(() -> opt.step(small, smallG[(int) (smallState.t() & 1)], smallState), part);
        float[] w = w0.clone();
        OptimizerState state = layout == null ? opt.newState(w) : opt.newState(w, layout);
        Runnable step = () -> opt.step(w, g[(int) (state.t() & 1)], state);
        settle(step, part);
        return step;
    }

    /** {@link JitWarmUp#run} on a small loop for at most {@code part} of the share (and --warm-up). */
    void warmUp(Runnable smallStep, double part) {
        warmedUp &= JitWarmUp.run(smallStep, Math.min((long) (warmUpSeconds * 1e9), (long) (shareNanos() * part)));
    }

    /**
     * {@link JitWarmUp#settle} on the real loop, best effort: a big step's rounds rarely end
     * quiet on a short budget, and the small warm-up already says whether the code is compiled.
     */
    void settle(Runnable step, double part) {
        JitWarmUp.settle(step, Math.min((long) (warmUpSeconds * 1e9), (long) (shareNanos() * part * 2 / 3)));
    }

    /**
     * One untimed run (page faults, last compilations), then runs for this measurement's share
     * in batches of about a millisecond: the median time per run over the batches, which resists
     * a batch delayed by another process or a GC pause. No batch starts that would end past the
     * share.
     */
    double secondsPerRun(Runnable r) {
        long budget = shareNanos();
        measurementsLeft--;
        long start = System.nanoTime();
        r.run();
        long first = System.nanoTime() - start;
        if (first >= budget / 2) {
            // a step too long for batches within the budget: one more run, past the cold first one, is the measurement
            long again = System.nanoTime();
            r.run();
            return (System.nanoTime() - again) / 1e9;
        }
        int batch = 1;
        for (long t = System.nanoTime(); t - start < Math.min(ROUND_NANOS, budget / 10); t = System.nanoTime()) {
            r.run();
            batch++;
        }
        double[] times = new double[1 + (int) Math.min(100_000, budget / 1_000_000)];
        int count = 0;
        long end = start + budget;
        double last;
        do {
            last = batch(r, batch);
            times[count++] = last;
        } while (System.nanoTime() + last * 1e9 < end && count < times.length);
        return median(times, count) / batch;
    }

    /**
     * Two loops timed alternately for this measurement's share, so that both see the same
     * machine (a shared host's bandwidth drifts within minutes): rounds of {@code k} runs of one
     * and then {@code k} of the other, the first of the two swapping from round to round, each
     * run's batch about a millisecond. One untimed run of each first.
     */
    Paired paired(Runnable a, Runnable b) {
        long budget = shareNanos();
        measurementsLeft--;
        long start = System.nanoTime();
        a.run();
        long firstA = System.nanoTime() - start;
        b.run();
        long first = System.nanoTime() - start;
        int batch = (int) Math.max(1, Math.min(10_000, ROUND_NANOS / Math.max(1, Math.max(firstA, first - firstA))));
        int cap = 1 + (int) Math.min(100_000, budget / 1_000_000);
        double[] ta = new double[cap];
        double[] tb = new double[cap];
        double[] ratio = new double[cap];
        int rounds = 0;
        long end = start + budget;
        long now;
        long last;
        do {
            long before = System.nanoTime();
            boolean aFirst = (rounds & 1) == 0;
            double t1 = batch(aFirst ? a : b, batch);
            double t2 = batch(aFirst ? b : a, batch);
            ta[rounds] = aFirst ? t1 : t2;
            tb[rounds] = aFirst ? t2 : t1;
            ratio[rounds] = ta[rounds] / tb[rounds];
            rounds++;
            now = System.nanoTime();
            last = now - before;
        } while (now + last < end && rounds < cap);
        double[] r = Arrays.copyOf(ratio, rounds);
        Arrays.sort(r);
        return new Paired(median(ta, rounds) / batch, median(tb, rounds) / batch, r[rounds / 2], r[0], r[rounds - 1],
                rounds);
    }

    /** Seconds for {@code k} runs of {@code r}. */
    private static double batch(Runnable r, int k) {
        long before = System.nanoTime();
        for (int j = 0; j < k; j++) {
            r.run();
        }
        return (System.nanoTime() - before) / 1e9;
    }

    private static double median(double[] x, int n) {
        double[] s = Arrays.copyOf(x, n);
        Arrays.sort(s);
        return s[n / 2];
    }

    /**
     * Two loops timed alternately: the median seconds per run of each, and the median, least
     * and greatest of the rounds' ratios (the first loop's time over the second's).
     */
    record Paired(double secondsA, double secondsB, double ratio, double minRatio, double maxRatio, int rounds) {
    }
}

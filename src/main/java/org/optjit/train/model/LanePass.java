package org.optjit.train.model;

/**
 * One pass over a batch split into {@link Lanes}, shared by every {@link Model}: each lane
 * sums its rows' gradient into its own buffer (lane 0 into the caller's array), and the
 * buffers are then added in lane order, so the result does not depend on which thread ran
 * which lane.
 */
final class LanePass {

    /** The work of one lane over rows {@code [from, to)} of the batch (positions, not row ids). */
    interface Body {
        void run(int lane, float[] grad, int from, int to);
    }

    private final int parameters;
    /** The fewest rows a lane gets ({@link Lanes#count(int, int)}). */
    private final int minLaneRows;
    private final float[][] grads = new float[Lanes.MAX_LANES][];
    private int threads = org.optjit.runtime.StepRunner.defaultThreads();

    LanePass(int parameters) {
        this(parameters, Lanes.MIN_LANE_ROWS);
    }

    LanePass(int parameters, int minLaneRows) {
        if (minLaneRows < 1) {
            throw new IllegalArgumentException("a lane needs at least one row: " + minLaneRows);
        }
        this.parameters = parameters;
        this.minLaneRows = minLaneRows;
    }

    /** The number of lanes of a batch of {@code n} rows. */
    int lanes(int n) {
        return Lanes.count(n, minLaneRows);
    }

    int threads() {
        return threads;
    }

    /** Sets the number of threads the lanes run on; results do not change. */
    void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /** Copies the inputs of rows {@code rows[pos .. pos+m)} (or {@code pos ..} if null) into {@code x}. */
    static void gather(org.optjit.train.data.Dataset data, int[] rows, int pos, int m, float[] x) {
        int d = data.inputSize();
        for (int i = 0; i < m; i++) {
            int r = rows == null ? pos + i : rows[pos + i];
            System.arraycopy(data.inputs(), r * d, x, i * d, d);
        }
    }

    /**
     * Runs {@code body} on every lane of a batch of {@code n} rows starting at {@code first}
     * on up to {@link #threads} threads; with {@code grad != null}, lane 0 gets {@code grad},
     * the others their own buffers, which are then added into {@code grad}.
     *
     * @return the number of lanes
     */
    int run(int first, int n, float[] grad, Body body) {
        int lanes = lanes(n);
        if (grad != null) {
            for (int lane = 1; lane < lanes; lane++) {
                if (grads[lane] == null) {
                    grads[lane] = new float[parameters];
                }
            }
        }
        Lanes.run(lanes, threads, lane -> body.run(lane, grad == null ? null : lane == 0 ? grad : grads[lane],
                first + Lanes.start(n, lanes, lane), first + Lanes.start(n, lanes, lane + 1)));
        if (grad != null && lanes > 1) {
            reduce(grad, lanes);
        }
        return lanes;
    }

    /** {@code grad[i] = ((grad[i] + lane1[i]) + lane2[i]) + ...}: lane order, any thread split. */
    private void reduce(float[] grad, int lanes) {
        int p = parameters;
        int parts = Math.max(1, Math.min(threads, p / 4096));
        Lanes.run(parts, threads, part -> {
            int lo = (int) ((long) p * part / parts), hi = (int) ((long) p * (part + 1) / parts);
            for (int lane = 1; lane < lanes; lane++) {
                float[] src = grads[lane];
                for (int i = lo; i < hi; i++) {
                    grad[i] += src[i];
                }
            }
        });
    }
}

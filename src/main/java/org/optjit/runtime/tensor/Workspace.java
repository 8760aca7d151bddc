package org.optjit.runtime.tensor;

import org.optjit.phase.Plan;

/**
 * Per-state scratch memory of the tensor runtime that lives from step to step so that a step
 * allocates nothing large: for each worker thread, the arrays that hold the values a pass keeps
 * for a later pass over the same tensor ({@code Plan.keeps()}), one per kept value, indexed
 * from the tensor's (or part's) first weight and reused tensor after tensor, so a tensor's kept
 * values stay in cache between its passes instead of going to memory; and the scratch arrays a worker's
 * kernels store reduction values and exported column values in ({@link PassRunner}), which
 * allocated and zeroed them afresh every step before (half a MiB per step for LAMB, about 1% of
 * its step time). One step at a time per state; one pass runner per worker at a time.
 */
public final class Workspace {

    private float[][][] kept = new float[0][][];
    /** Per worker, the pass runner of {@link #runnersPlan} on {@link #runnersGeo}. */
    private PassRunner[] runners = new PassRunner[0];
    private Plan runnersPlan;
    private Geometry runnersGeo;
    private float[][][] scratch = new float[0][][];
    private float[][][] columns = new float[0][][];

    /** Worker {@code worker}'s scratch arrays: at least {@code count}, each at least {@code length}. */
    synchronized float[][] scratch(int worker, int count, int length) {
        if (scratch.length <= worker) {
            scratch = java.util.Arrays.copyOf(scratch, worker + 1);
        }
        scratch[worker] = atLeast(scratch[worker], count, length);
        return scratch[worker];
    }

    /** Worker {@code worker}'s arrays of column values, as {@link #scratch}. */
    synchronized float[][] columns(int worker, int count, int length) {
        if (columns.length <= worker) {
            columns = java.util.Arrays.copyOf(columns, worker + 1);
        }
        columns[worker] = atLeast(columns[worker], count, length);
        return columns[worker];
    }

    /**
     * {@code arrays} when it has {@code count} arrays of {@code length}, or else new arrays
     * that hold both the old and the asked count and length.
     */
    private static float[][] atLeast(float[][] arrays, int count, int length) {
        if (arrays != null && arrays.length >= count && (count == 0 || arrays[0].length >= length)) {
            return arrays;
        }
        int n = Math.max(count, arrays == null ? 0 : arrays.length);
        int len = Math.max(length, arrays == null || arrays.length == 0 ? 0 : arrays[0].length);
        return new float[n][len];
    }

    /**
     * Worker {@code worker}'s kept arrays for a tensor or part of {@code length} weights:
     * {@code keeps} arrays, each at least {@code length} long, indexed from its first weight.
     */
    float[][] kept(int worker, int keeps, int length) {
        float[][] k = ofWorker(worker, keeps);
        // from here on only this worker touches k
        for (int j = 0; j < keeps; j++) {
            k[j] = atLeast(k[j], length);
        }
        return k;
    }

    private static float[] atLeast(float[] array, int length) {
        return array == null || array.length < length ? new float[length] : array;
    }

    /**
     * Worker {@code worker}'s array of kept arrays, at least {@code keeps} long. Workers of one
     * step come here at the same moment on a fresh state: growing the array of workers under a
     * lock keeps one worker's copy from dropping another's entry (which would hand a later pass
     * empty kept values).
     */
    private synchronized float[][] ofWorker(int worker, int keeps) {
        if (kept.length <= worker) {
            kept = java.util.Arrays.copyOf(kept, worker + 1);
        }
        if (kept[worker] == null || kept[worker].length < keeps) {
            kept[worker] = new float[keeps][];
        }
        return kept[worker];
    }

    /**
     * Worker {@code worker}'s pass runner for {@code plan} on {@code geo}, kept from step to
     * step with its running sums, cuts and lane arrays: a runner made afresh every step
     * allocated and first touched them at a moment when every cache line is cold (after the
     * last step's streams), about a microsecond per tensor and pass on 512 x 512 matrices.
     * The caller hands it the step's coarse values ({@link PassRunner#begin}).
     */
    synchronized PassRunner runner(int worker, Plan plan, Geometry geo) {
        if (plan != runnersPlan || geo != runnersGeo) {
            runners = new PassRunner[0];
            runnersPlan = plan;
            runnersGeo = geo;
        }
        if (runners.length <= worker) {
            runners = java.util.Arrays.copyOf(runners, worker + 1);
        }
        if (runners[worker] == null) {
            runners[worker] = new PassRunner(plan, geo, this, worker);
        }
        return runners[worker];
    }
}

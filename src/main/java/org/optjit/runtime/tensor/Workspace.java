package org.optjit.runtime.tensor;

/**
 * Per-state scratch memory of the tensor runtime that lives from step to step so that a step
 * allocates nothing large: for each worker thread, the arrays that hold the values a pass keeps
 * for a later pass over the same tensor ({@code Plan.keeps()}). They are cut like the passes'
 * calls (a tile or a row each) and reused tensor after tensor, so a tensor's kept values stay
 * in cache between its passes instead of going to memory. One step at a time per state.
 */
public final class Workspace {

    private float[][][][] kept = new float[0][][][];

    /**
     * Worker {@code worker}'s kept arrays for a tensor cut into {@code calls} calls of at most
     * {@code length} weights: {@code [keeps][call]}, each at least {@code length} long.
     */
    float[][][] kept(int worker, int keeps, int calls, int length) {
        return kept(worker, keeps, calls, c -> length);
    }

    /**
     * Worker {@code worker}'s kept arrays for a tensor cut into {@code calls} calls, call
     * {@code c} of {@code length.applyAsInt(c)} weights: {@code [keeps][call]}, each at least
     * that long. Grown call by call, so a tall narrow tensor and a short wide one never ask for
     * their product, and long calls never for a long array per short one.
     */
    float[][][] kept(int worker, int keeps, int calls, java.util.function.IntUnaryOperator length) {
        float[][][] k = ofWorker(worker, keeps);
        // from here on only this worker touches k
        for (int j = 0; j < keeps; j++) {
            if (k[j].length < calls) {
                k[j] = java.util.Arrays.copyOf(k[j], calls);
            }
            for (int c = 0; c < calls; c++) {
                int n = length.applyAsInt(c);
                if (k[j][c] == null || k[j][c].length < n) {
                    k[j][c] = new float[n];
                }
            }
        }
        return k;
    }

    /**
     * Worker {@code worker}'s array of kept arrays, at least {@code keeps} long. Workers of one
     * step come here at the same moment on a fresh state: growing the array of workers under a
     * lock keeps one worker's copy from dropping another's entry (which would hand a later pass
     * empty kept values).
     */
    private synchronized float[][][] ofWorker(int worker, int keeps) {
        if (kept.length <= worker) {
            kept = java.util.Arrays.copyOf(kept, worker + 1);
        }
        if (kept[worker] == null || kept[worker].length < keeps) {
            kept[worker] = new float[keeps][0][];
        }
        return kept[worker];
    }
}

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

    /** Worker {@code worker}'s kept arrays: {@code [keeps][calls][length]}, grown as needed. */
    float[][][] kept(int worker, int keeps, int calls, int length) {
        if (kept.length <= worker) {
            kept = java.util.Arrays.copyOf(kept, worker + 1);
        }
        float[][][] k = kept[worker];
        if (k == null || k.length < keeps || (keeps > 0 && (k[0].length < calls || k[0][0].length < length))) {
            k = new float[keeps][calls][length];
            kept[worker] = k;
        }
        return k;
    }
}

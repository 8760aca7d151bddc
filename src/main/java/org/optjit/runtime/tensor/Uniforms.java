package org.optjit.runtime.tensor;

import java.util.stream.IntStream;
import org.optjit.phase.Plan;
import org.optjit.sema.Shape;

/**
 * The uniforms a pass runner hands its kernels: the prelude's exports, rounded to float, for
 * the tensor (and row) in progress. The exports are sorted by shape class once, and the
 * per-step ones are filled only when the step or the tensor's group changes: on 512 x 512
 * matrices every value read here comes from a cache line that the last kernel call's streams
 * pushed out, so a runner that filled all of them per tensor paid for each.
 */
final class Uniforms {

    /** Indexed by export, as kernels read them. */
    final float[] values;
    private final int[] step;
    private final int[] all;
    private final int[] tensor;
    private final int[] row;
    /** The step (its coarse values) and group whose per-step exports {@link #values} holds. */
    private CoarseValues filledFor;
    private int filledGroup = -1;

    Uniforms(Plan plan) {
        values = new float[plan.program().uniformCount()];
        step = ofShape(plan, Shape.STEP);
        all = ofShape(plan, Shape.ALL);
        tensor = ofShape(plan, Shape.TENSOR);
        row = ofShape(plan, Shape.ROW);
    }

    private static int[] ofShape(Plan plan, Shape shape) {
        return IntStream.range(0, plan.program().uniformCount()).filter(k -> plan.exportShape(k) == shape).toArray();
    }

    /**
     * The uniforms of tensor {@code t} (in group {@code group}): per step, from data over all
     * tensors (set only from the level that computes them on), per tensor; per-row exports
     * are 0 until {@link #fillRow}.
     */
    void fillTensor(CoarseValues coarse, int t, int group) {
        if (coarse != filledFor || group != filledGroup) {
            for (int k : step) {
                values[k] = coarse.export(k, group);
            }
            filledFor = coarse;
            filledGroup = group;
        }
        for (int k : all) {
            values[k] = coarse.export(k, group);
        }
        for (int k : tensor) {
            values[k] = coarse.export(k, t);
        }
        for (int k : row) {
            values[k] = 0f;
        }
    }

    /** The per-row exports of row {@code e} (its index among all rows); the others stay. */
    void fillRow(CoarseValues coarse, int e) {
        for (int k : row) {
            values[k] = coarse.export(k, e);
        }
    }
}

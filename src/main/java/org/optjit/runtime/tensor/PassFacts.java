package org.optjit.runtime.tensor;

import org.optjit.ir.ReductionSpec;
import org.optjit.phase.Guard;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.phase.ReductionSource;
import org.optjit.sema.Axis;

/**
 * What {@link PassRunner} asks of one pass for every tensor, looked up once: the pass's lists
 * of boxed indices, the plan's reduction specs and guards, as plain arrays. A runner asked
 * them of the plan per tensor and pass, and on 512 x 512 matrices every such look-up comes
 * at a moment when the kernel's streams have just pushed the plan's objects out of the
 * nearer caches (a microsecond or more per tensor and pass, benchmarks/RESULTS.md).
 *
 * <p>Indices {@code s} are the pass's scratch slots ({@link Pass#scratch()}). The facts also
 * hold the arrays a run of the pass fills, reused run after run, because a runner is one
 * thread's: arrays allocated per run came from memory no cache held.
 */
final class PassFacts {

    final Pass pass;
    /** Per slot, the reduction it accumulates. */
    final int[] reductions;
    final ReductionSpec[] specs;
    /** Per slot, the condition under which a tensor needs the reduction. */
    final Guard[] guards;
    final ReductionSource[] sources;
    /** Per slot, the kernel array slot of its kept values, or -1 when it sums no kept value. */
    final int[] keptSlots;
    /** Per {@code orth} of the pass, the condition under which a tensor needs it. */
    final Guard[] orthGuards;
    /** The slots that a striped kernel adds up in registers ({@link Pass#striped()}). */
    final int[] striped;
    final int[] columnExports;
    /** Whether some reduction of the pass is per tensor or over all tensors. */
    final boolean tensorSums;

    /** Per slot, whether the tensor in progress needs it; the same without the striped slots. */
    final boolean[] active;
    final boolean[] rest;
    /** Per slot, the array it sums where it lies, or null. */
    final float[][] arraySources;
    /** Per slot, its running sum for the tensor in progress, or null. */
    final StripedSum[] sums;
    /** The kernel's arrays ({@link #arrays(int)}). */
    private float[][] arrays = new float[0][];

    PassFacts(Plan plan, Pass pass) {
        this.pass = pass;
        int n = pass.scratch().size();
        reductions = new int[n];
        specs = new ReductionSpec[n];
        guards = new Guard[n];
        sources = new ReductionSource[n];
        keptSlots = new int[n];
        boolean perTensor = false;
        for (int s = 0; s < n; s++) {
            reductions[s] = pass.scratch().get(s);
            specs[s] = plan.program().reductions().get(reductions[s]);
            guards[s] = plan.reductionGuards().get(reductions[s]);
            sources[s] = pass.sources().get(s);
            keptSlots[s] = sources[s].kind() == ReductionSource.Kind.KEPT ? plan.keptSlot(pass, sources[s].index()) : -1;
            perTensor |= specs[s].axis() == Axis.TENSOR || specs[s].axis() == Axis.ALL;
        }
        tensorSums = perTensor;
        active = new boolean[n];
        rest = new boolean[n];
        arraySources = new float[n][];
        sums = new StripedSum[n];
        orthGuards = pass.orth().stream().map(o -> plan.orthGuards().get(o)).toArray(Guard[]::new);
        striped = pass.striped().stream().mapToInt(Integer::intValue).toArray();
        columnExports = pass.columnExports().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The array of the kernel's arrays, {@code length} long (the same every run of the pass). */
    float[][] arrays(int length) {
        if (arrays.length != length) {
            arrays = new float[length][];
        }
        return arrays;
    }
}

package org.optjit.runtime.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.optjit.ir.Output;
import org.optjit.phase.Plan;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.Parallel;
import org.optjit.runtime.VariantKernel;
import org.optjit.sema.Shape;

/**
 * Runs one step of a rule over tensors ({@link Plan}) on a layout: segment by segment
 * (between global levels), every tensor through its levels, each level's coarse values then
 * its pass ({@link PassRunner}). A tensor with more than a thread's share of the weights is
 * cut into parts that all threads run together ({@link SharedTensor}). The other tensors are
 * shared out among threads through a counter; each
 * writes only its own weights, state elements and coarse elements, and every reduction is
 * accumulated per tensor in a fixed order and combined in layout order, so the result does not
 * depend on the number of threads or on which thread took which tensor.
 */
public final class TensorStep {

    private final Plan plan;
    private final VariantKernel[] kernels;
    private final Orthogonalizer orth;
    /** {@link CoarseValues#perTensor} of the plan, worked out once instead of every step. */
    private final int[][] perTensor;
    /** Per level, the indices of its passes in order: the tensor loop asks for them once per tensor and level. */
    private final int[][] passesAt;

    /** @param kernels one loop kernel per pass of {@code plan}, in order */
    public TensorStep(Plan plan, LoopKernel[] kernels, Orthogonalizer orth) {
        this(plan, java.util.Arrays.stream(kernels).map(VariantKernel::of).toArray(VariantKernel[]::new), orth);
    }

    /** @param kernels the kernels of each pass of {@code plan}, in order, one per branch variant */
    public TensorStep(Plan plan, VariantKernel[] kernels, Orthogonalizer orth) {
        this.plan = plan;
        this.kernels = kernels.clone();
        this.orth = orth;
        this.perTensor = CoarseValues.perTensor(plan);
        this.passesAt = new int[plan.levels()][];
        for (int l = 0; l < passesAt.length; l++) {
            int lvl = l;
            passesAt[l] = java.util.stream.IntStream.range(0, kernels.length)
                    .filter(p -> plan.passes().get(p).level() == lvl).toArray();
        }
    }

    public Plan plan() {
        return plan;
    }

    /**
     * One step.
     *
     * @param hypers hyperparameter values per group of the layout, by slot
     * @param t      the step number
     * @param states every state array of the rule, by slot
     * @param orthBuffers the plan's {@link Plan#buffers()} arrays as long as the weights: two per
     *                    {@code orth} of the rule, then the kept values
     */
    public void step(Geometry geo, float[] w, float[] g, float[][] states, float[][] orthBuffers, Workspace workspace,
                     double[][] hypers, long t, int threads) {
        CoarseValues coarse = new CoarseValues(plan, geo, hypers, t, states, perTensor);
        coarse.evalGroups(0);
        int levels = plan.levels();
        int start = 0;
        boolean backwards = false;
        while (start < levels) {
            int end = start + 1;
            while (end < levels && !plan.global()[end]) {
                end++;
            }
            if (start > 0) {
                coarse.evalAll(start);
            }
            runSegment(geo, w, g, states, coarse, orthBuffers, workspace, start, end, threads, backwards);
            // The next segment takes the tensors in the other direction: those this one read
            // last are then still in the last-level cache (clipping's norm pass over g leaves
            // the last tensors' g there for the update). Results do not depend on the order.
            backwards = !backwards;
            start = end;
        }
        storeCoarseState(geo, coarse, states);
    }

    private void runSegment(Geometry geo, float[] w, float[] g, float[][] states, CoarseValues coarse,
                            float[][] orthBuffers, Workspace workspace, int from, int to, int threads,
                            boolean backwards) {
        // the tensors too large for one thread first, shared by all; then the others, one thread each
        boolean[] shared = new boolean[geo.tensors];
        PassRunner[] runners = null;
        for (int t = 0; t < geo.tensors; t++) {
            int parts = SharedTensor.parts(plan, geo, t, threads);
            if (parts > 1) {
                if (runners == null) {
                    runners = new PassRunner[threads];
                    for (int k = 0; k < threads; k++) {
                        runners[k] = new PassRunner(plan, geo, workspace, k);
                        runners[k].begin(coarse);
                    }
                }
                SharedTensor.run(plan, kernels, orth, coarse, runners, t, parts, from, to, geo, w, g, states,
                        orthBuffers);
                shared[t] = true;
            }
        }
        AtomicInteger next = new AtomicInteger();
        List<Runnable> workers = new ArrayList<>();
        int n = Math.max(1, Math.min(threads, geo.tensors));
        for (int k = 0; k < n; k++) {
            int worker = k;
            workers.add(() -> {
                PassRunner runner = workspace.runner(worker, plan, geo);
                runner.begin(coarse);
                for (int claim = next.getAndIncrement(); claim < geo.tensors; claim = next.getAndIncrement()) {
                    int tensor = backwards ? geo.tensors - 1 - claim : claim;
                    if (shared[tensor]) {
                        continue;
                    }
                    runTensor(geo, coarse, runner, tensor, from, to, w, g, states, orthBuffers, threads);
                }
            });
        }
        Parallel.run(workers);
    }

    /**
     * Levels {@code [from, to)} of one tensor on one thread: its coarse values, passes and
     * orthogonalisations level by level. A method of its own, called per tensor, so that the
     * JIT compiles it fully within a few steps; as part of the worker's loop, which runs once
     * per step, it stayed at C1 for the whole of a benchmark. An {@code orth} takes the help of
     * up to {@code threads - 1} threads that have finished their own tensors (NewtonSchulz).
     */
    private void runTensor(Geometry geo, CoarseValues coarse, PassRunner runner, int tensor, int from, int to,
                           float[] w, float[] g, float[][] states, float[][] orthBuffers, int threads) {
        for (int lvl = from; lvl < to; lvl++) {
            if (lvl > from || from == 0) {
                coarse.evalTensor(lvl, tensor);
            }
            for (int p : passesAt[lvl]) {
                runner.run(plan.passes().get(p), kernels[p], tensor, w, g, states, orthBuffers);
            }
            Orthogonalization.atLevel(orth, plan, coarse, lvl, tensor, geo, orthBuffers, threads);
        }
    }

    /** Coarse state is rounded to float once, after the whole step (its old value was read from the arrays). */
    private void storeCoarseState(Geometry geo, CoarseValues coarse, float[][] states) {
        for (Output o : plan.program().prelude().outputs()) {
            if (o.target() == Output.Target.STATE) {
                double[] value = coarse.v[o.value()];
                float[] into = states[o.slot()];
                Shape valueShape = plan.preludeShape()[o.value()];
                Shape stateShape = plan.program().states().get(o.slot()).shape();
                for (int e = 0; e < into.length; e++) {
                    into[e] = (float) value[geo.broadcast(valueShape, stateShape, e)];
                }
            }
        }
    }
}

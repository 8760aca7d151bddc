package org.optjit.runtime.tensor;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ir.ReductionSpec;
import org.optjit.phase.Plan;
import org.optjit.runtime.Parallel;
import org.optjit.runtime.VariantKernel;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;

/**
 * A tensor so large that giving it to one thread would leave the others idle (an embedding
 * beside a few small matrices, or a rule over a single vector): all threads share it. It is
 * cut into parts of whole reduction blocks ({@link StripedSum#BLOCK}), one per thread, and
 * runs level by level: every thread runs the level's passes over its part, and then the
 * parts' terms are added in order, so each sum is the one a single thread would add (the
 * same blocks, the same additions: docs/language.md's order does not depend on the cut).
 * A thread keeps its part from level to level, so values kept for a later pass stay in that
 * thread's workspace and cache.
 *
 * <p>A rule that runs row by row is cut at rows too, and one that sums down columns at blocks
 * of {@link ColumnBlocks#BLOCK_ROWS} rows, whose sums are folded in order after the level
 * ({@link #unit}). An {@code orth} of the level's results takes the whole matrix once every
 * part is done, its products shared among the threads panel by panel ({@link NewtonSchulz}).
 */
final class SharedTensor {

    /** Tensors smaller than this stay with one thread: a level's hand-over costs tens of microseconds. */
    static final int MIN_SIZE = 1 << 20;

    private SharedTensor() {
    }

    /**
     * How many parts tensor {@code t} is cut into on {@code threads} threads: 1 (it stays whole)
     * unless it holds more than a thread's share of all the weights, is at least
     * {@link #MIN_SIZE} long, and has two {@link #unit}s for each part.
     */
    static int parts(Plan plan, Geometry geo, int t, int threads) {
        long size = (long) geo.rows[t] * geo.cols[t];
        if (threads < 2 || size < MIN_SIZE || size * threads <= geo.layout.size()) {
            return 1;
        }
        long unit = unit(plan, geo, t);
        long units = (size + unit - 1) / unit;
        return (int) Math.max(1, Math.min(threads, units / 2));
    }

    /**
     * The weights a part is made of, whole: reduction blocks, so that each part adds whole
     * blocks ({@link StripedSum}); for a rule that runs row by row also whole rows, so that a
     * row's values and sums stay with one thread, and whole blocks of a column's sum when some
     * pass sums down columns ({@link ColumnBlocks}): that many rows, or its least common
     * multiple with a block when some pass also sums over the tensor.
     */
    static long unit(Plan plan, Geometry geo, int t) {
        if (!plan.anyRowWise()) {
            return StripedSum.BLOCK;
        }
        long cols = plan.sumsDownColumns() ? (long) geo.cols[t] * ColumnBlocks.BLOCK_ROWS : geo.cols[t];
        if (!plan.sumsOverTensors()) {
            return cols;
        }
        long a = cols;
        long b = StripedSum.BLOCK;
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return cols / a * StripedSum.BLOCK;
    }

    /** The first weight of part {@code q} of {@code parts} of tensor {@code t} (q == parts: its end). */
    static int start(Plan plan, Geometry geo, int t, int q, int parts) {
        long size = (long) geo.rows[t] * geo.cols[t];
        long unit = unit(plan, geo, t);
        long units = (size + unit - 1) / unit;
        long first = units * q / parts * unit;
        return geo.offset[t] + (int) Math.min(size, first);
    }

    /**
     * Runs levels {@code [from, to)} of tensor {@code t} in {@code parts} parts, one per
     * runner (runner {@code q} is worker {@code q}). As for a whole tensor, the first level's
     * tensor values are computed here only when the segment starts at level 0 (a later
     * segment's first level is global: its values are computed for every tensor before).
     */
    static void run(Plan plan, VariantKernel[] kernels, Orthogonalizer orth, CoarseValues coarse, PassRunner[] runners,
                    int t, int parts, int from, int to, Geometry geo, float[] w, float[] g, float[][] states,
                    float[][] orthBuffers) {
        List<ReductionSpec> reductions = plan.program().reductions();
        PartSums[] sums = new PartSums[parts];
        for (int q = 0; q < parts; q++) {
            sums[q] = new PartSums(reductions.size());
        }
        for (int lvl = from; lvl < to; lvl++) {
            if (lvl > from || from == 0) {
                coarse.evalTensor(lvl, t);
            }
            List<Integer> atLevel = new ArrayList<>();
            for (int p = 0; p < kernels.length; p++) {
                if (plan.passes().get(p).level() == lvl) {
                    atLevel.add(p);
                    for (int r : plan.passes().get(p).scratch()) {
                        for (PartSums s : sums) {
                            s.start(r, reductions.get(r).kind());
                        }
                    }
                }
            }
            if (!atLevel.isEmpty()) {
                runLevel(plan, kernels, coarse, runners, t, parts, lvl, atLevel, sums, geo, w, g, states, orthBuffers);
            }
            Orthogonalization.atLevel(orth, plan, coarse, lvl, t, geo, orthBuffers, parts);
        }
    }

    /** The passes of level {@code lvl} over the tensor's parts, then their sums into the tensor's. */
    private static void runLevel(Plan plan, VariantKernel[] kernels, CoarseValues coarse, PassRunner[] runners, int t,
                                 int parts, int lvl, List<Integer> atLevel, PartSums[] sums, Geometry geo, float[] w,
                                 float[] g, float[][] states, float[][] orthBuffers) {
        List<ReductionSpec> reductions = plan.program().reductions();
        List<Runnable> tasks = new ArrayList<>();
        for (int q = 0; q < parts; q++) {
            int part = q;
            int lo = start(plan, geo, t, q, parts);
            int hi = start(plan, geo, t, q + 1, parts);
            tasks.add(() -> {
                for (int p : atLevel) {
                    runners[part].runPart(plan.passes().get(p), kernels[p], t, lo, hi, sums[part], w, g, states,
                            orthBuffers);
                }
            });
        }
        Parallel.run(tasks);
        for (int p : atLevel) {
            for (int r : plan.passes().get(p).scratch()) {
                combine(coarse, reductions.get(r), r, t, geo, sums);
            }
        }
    }

    /** The parts' terms of reduction {@code r}, in order, into tensor {@code t}'s accumulation. */
    private static void combine(CoarseValues coarse, ReductionSpec spec, int r, int t, Geometry geo, PartSums[] sums) {
        Reduction kind = spec.kind();
        if (spec.perWeight() && spec.axis() == Axis.COL) {
            for (PartSums s : sums) {
                if (s.columnBlocks.get(r) != null) {
                    for (double[] block : s.columnBlocks.get(r)) {
                        ColumnBlocks.fold(kind, coarse.acc[r], geo.colBase[t], block, geo.cols[t]);
                    }
                }
            }
            return;
        }
        if (spec.axis() == Axis.ROW) {
            return; // whole rows: each part added its rows' values where they go
        }
        if (kind == Reduction.MAX || kind == Reduction.MIN) {
            for (PartSums s : sums) {
                if (s.folded[r]) {
                    coarse.acc[r][t] = CoarseValues.combine(kind, coarse.acc[r][t], s.extreme[r]);
                }
            }
            return;
        }
        if (sums[0].blocks[r] == null) {
            return; // not accumulated: the tensor's guard left this reduction out
        }
        double total = 0.0;
        for (PartSums s : sums) {
            for (double b : s.blocks[r]) {
                total += b;
            }
        }
        coarse.acc[r][t] = total;
    }
}

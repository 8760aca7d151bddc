package org.optjit.runtime.tensor;

import java.util.List;
import org.optjit.ir.ReductionSpec;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.runtime.LoopKernel;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;
import org.optjit.sema.Shape;

/**
 * Runs one pass over one tensor on one thread, with that thread's workspace: fills the
 * uniforms with the tensor's (and row's) coarse values, calls the pass's loop kernel row by
 * row or in tiles, and accumulates the scratch arrays it fills into the reductions, in the
 * order {@link StripedSum} defines.
 */
final class PassRunner {

    /**
     * Tile length for passes that reduce per tensor: a multiple of the 16 stripes; its scratch
     * arrays (one per reduction, 32 KiB each) stay in L2, and there are few enough calls that
     * the vector loop's entry and scalar ends cost little.
     */
    static final int TILE = 8192;

    /**
     * Tiles are cut at indices {@code k * TILE + PHASE}: where the generated vector loop of a
     * region-aligned weight array starts on a 64-byte boundary (see the VECTOR backend's
     * {@code Alignment}), so every tile but a tensor's first and last runs without scalar
     * iterations at its ends.
     */
    static final int PHASE = Math.floorMod(-sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET, 64) / Float.BYTES;

    private final Plan plan;
    private final Geometry geo;
    private final CoarseValues coarse;
    private final float[] uniforms;
    private final StripedSum sum = new StripedSum();
    private final StripedSum rowSum = new StripedSum();
    private float[][] scratch = new float[0][];
    private float[][] columns = new float[0][];

    PassRunner(Plan plan, Geometry geo, CoarseValues coarse) {
        this.plan = plan;
        this.geo = geo;
        this.coarse = coarse;
        this.uniforms = new float[plan.program().uniformCount()];
    }

    void run(Pass pass, LoopKernel kernel, int t, float[] w, float[] g, float[][] states, float[][] orthBuffers) {
        boolean[] active = new boolean[pass.scratch().size()];
        boolean needed = pass.unconditional();
        for (int s = 0; s < active.length; s++) {
            active[s] = coarse.holds(plan.reductionGuards().get(pass.scratch().get(s)), t);
            needed |= active[s];
        }
        for (int o : pass.orth()) {
            needed |= coarse.holds(plan.orthGuards().get(o), t);
        }
        if (!needed) {
            return; // this tensor takes the other branch of a uniform condition: nothing here is used
        }
        int nStates = states.length;
        int nCols = pass.columnExports().size();
        int nScratch = pass.scratch().size();
        // a tile is at most the tensor: small tensors (a bias, a rule search's proxies) need small scratch
        int tile = pass.rowWise() ? geo.cols[t] : Math.min(TILE, geo.rows[t] * geo.cols[t]);
        ensure(nCols, nScratch, Math.max(tile, geo.maxCols));
        float[][] arrays = new float[nStates + nCols + nScratch + orthBuffers.length][];
        System.arraycopy(states, 0, arrays, 0, nStates);
        System.arraycopy(columns, 0, arrays, nStates, nCols);
        System.arraycopy(scratch, 0, arrays, nStates + nCols, nScratch);
        System.arraycopy(orthBuffers, 0, arrays, nStates + nCols + nScratch, orthBuffers.length);

        fillUniforms(t, -1);
        for (int j = 0; j < nCols; j++) {
            int k = pass.columnExports().get(j);
            int base = geo.colBase[t];
            for (int c = 0; c < geo.cols[t]; c++) {
                columns[j][c] = coarse.export(k, base + c);
            }
        }
        boolean tensorSums = false;
        for (int r : pass.scratch()) {
            tensorSums |= reduces(r, Axis.TENSOR) || reduces(r, Axis.ALL);
        }
        // One running sum per pass and tensor is enough only with one per-tensor reduction;
        // with several, each keeps its own sum below.
        StripedSum[] sums = new StripedSum[nScratch];
        for (int s = 0; s < nScratch; s++) {
            ReductionSpec spec = spec(pass.scratch().get(s));
            if (active[s] && (spec.axis() == Axis.TENSOR || spec.axis() == Axis.ALL)) {
                sums[s] = s == 0 ? sum : new StripedSum();
                sums[s].reset(spec.kind().squares());
            }
        }
        int from = geo.offset[t];
        int end = from + geo.rows[t] * geo.cols[t];
        if (pass.rowWise()) {
            for (int row = 0; row < geo.rows[t]; row++) {
                fillUniforms(t, geo.rowBase[t] + row);
                int lo = from + row * geo.cols[t];
                kernel.run(w, g, arrays, uniforms, lo, lo + geo.cols[t]);
                accumulate(pass, t, row, lo - from, geo.cols[t], sums, active);
            }
        } else if (nScratch > 0) {
            for (int lo = from; lo < end; ) {
                int hi = Math.min(end, lo + Math.floorMod(PHASE - lo - 1, TILE) + 1);
                kernel.run(w, g, arrays, uniforms, lo, hi);
                accumulate(pass, t, -1, lo - from, hi - lo, sums, active);
                lo = hi;
            }
        } else {
            kernel.run(w, g, arrays, uniforms, from, end);
        }
        if (tensorSums) {
            for (int s = 0; s < nScratch; s++) {
                if (sums[s] != null) {
                    int r = pass.scratch().get(s);
                    Reduction kind = spec(r).kind();
                    coarse.acc[r][t] = kind == Reduction.MAX || kind == Reduction.MIN ? coarse.acc[r][t] : sums[s].finish();
                }
            }
        }
    }

    private boolean reduces(int r, Axis axis) {
        return spec(r).axis() == axis;
    }

    private ReductionSpec spec(int r) {
        return plan.program().reductions().get(r);
    }

    /** Uniforms of tensor {@code t}; with {@code row >= 0} also the per-row values of that row. */
    private void fillUniforms(int t, int row) {
        for (int k = 0; k < uniforms.length; k++) {
            Shape s = plan.exportShape(k);
            switch (s) {
                case STEP, ALL -> uniforms[k] = row < 0 ? coarse.export(k, geo.group[t]) : uniforms[k];
                case TENSOR -> uniforms[k] = row < 0 ? coarse.export(k, t) : uniforms[k];
                case ROW -> uniforms[k] = row < 0 ? 0f : coarse.export(k, row);
                default -> {
                }
            }
        }
    }

    /** Folds the scratch values of one call ({@code n} values from {@code pos} in the tensor) into the reductions. */
    private void accumulate(Pass pass, int t, int row, int pos, int n, StripedSum[] sums, boolean[] active) {
        List<Integer> reductions = pass.scratch();
        for (int s = 0; s < reductions.size(); s++) {
            if (!active[s]) {
                continue; // not needed by this tensor's branch
            }
            int r = reductions.get(s);
            ReductionSpec spec = spec(r);
            float[] x = scratch[s];
            Reduction kind = spec.kind();
            double[] acc = coarse.acc[r];
            switch (spec.axis()) {
                case TENSOR, ALL -> {
                    if (kind == Reduction.MAX || kind == Reduction.MIN) {
                        acc[t] = fold(kind, acc[t], x, n);
                    } else {
                        sums[s].add(x, n);
                    }
                }
                case ROW -> {
                    int e = geo.rowBase[t] + row;
                    if (kind == Reduction.MAX || kind == Reduction.MIN) {
                        acc[e] = fold(kind, acc[e], x, n);
                    } else {
                        rowSum.reset(kind.squares());
                        rowSum.add(x, n);
                        acc[e] = rowSum.finish();
                    }
                }
                case COL -> {
                    int base = geo.colBase[t];
                    for (int c = 0; c < n; c++) {
                        double v = x[c];
                        acc[base + c] = CoarseValues.combine(kind, acc[base + c], kind.squares() ? v * v : v);
                    }
                }
            }
        }
    }

    private static double fold(Reduction kind, double acc, float[] x, int n) {
        for (int k = 0; k < n; k++) {
            acc = CoarseValues.combine(kind, acc, x[k]);
        }
        return acc;
    }

    private void ensure(int nCols, int nScratch, int length) {
        if (columns.length < nCols || (nCols > 0 && columns[0].length < length)) {
            columns = new float[Math.max(nCols, columns.length)][length];
        }
        if (scratch.length < nScratch || (nScratch > 0 && scratch[0].length < length)) {
            scratch = new float[Math.max(nScratch, scratch.length)][length];
        }
    }
}

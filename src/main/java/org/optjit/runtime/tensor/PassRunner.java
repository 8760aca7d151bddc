package org.optjit.runtime.tensor;

import java.util.Arrays;
import org.optjit.ir.ReductionSpec;
import org.optjit.phase.Guard;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.phase.ReductionSource;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.StripedKernel;
import org.optjit.runtime.VariantKernel;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;

/**
 * Runs one pass over one tensor on one thread, with that thread's workspace: fills the
 * uniforms with the tensor's (and row's) coarse values, calls the pass's loop kernel row by
 * row or in tiles, and accumulates the scratch arrays it fills into the reductions, in the
 * order {@link StripedSum} defines.
 */
final class PassRunner {

    private final Plan plan;
    private final Geometry geo;
    private CoarseValues coarse;
    private final Uniforms uniforms;
    /** A running sum per scratch slot of a pass, reused tensor after tensor (they hold no result). */
    private StripedSum[] slotSums = new StripedSum[0];
    private final StripedSum rowSum = new StripedSum();
    private final RowSums rowSums = new RowSums();
    private final ColumnBlocks columnBlocks = new ColumnBlocks();
    private final Cuts cuts = new Cuts();
    private float[][] scratch = new float[0][];
    private float[][] columns = new float[0][];
    /** The running sums a {@link StripedKernel} continues, sixteen per striped reduction. */
    private double[] lanes = new double[0];
    /** The facts of each pass this runner has run, kept from step to step ({@link #facts}). */
    private PassFacts[] facts = new PassFacts[0];

    private final Workspace workspace;
    private final int worker;
    /** Where a part of a shared tensor puts its reductions ({@link #runPart}); null for a whole tensor. */
    private PartSums part;

    PassRunner(Plan plan, Geometry geo, Workspace workspace, int worker) {
        this.plan = plan;
        this.geo = geo;
        this.uniforms = new Uniforms(plan);
        this.workspace = workspace;
        this.worker = worker;
    }

    /** Starts a step: its coarse values (a runner lives from step to step, {@link Workspace#runner}). */
    void begin(CoarseValues coarse) {
        this.coarse = coarse;
    }

    /** Runs {@code pass} over the whole of tensor {@code t}; its reductions go to the coarse values. */
    void run(Pass pass, VariantKernel kernels, int t, float[] w, float[] g, float[][] states, float[][] orthBuffers) {
        part = null;
        run(pass, kernels, t, geo.offset[t], geo.offset[t] + geo.rows[t] * geo.cols[t], w, g, states, orthBuffers);
    }

    /**
     * Runs {@code pass} over weights {@code [from, end)} of tensor {@code t}, a part made of
     * whole {@link SharedTensor#unit}s (reduction blocks, and rows for a rule that runs row by
     * row); its per-tensor reductions go to
     * {@code into}, the terms the tensor's sums add in order.
     */
    void runPart(Pass pass, VariantKernel kernels, int t, int from, int end, PartSums into, float[] w, float[] g,
                 float[][] states, float[][] orthBuffers) {
        part = into;
        run(pass, kernels, t, from, end, w, g, states, orthBuffers);
        part = null;
    }

    private void run(Pass pass, VariantKernel kernels, int t, int from, int end, float[] w, float[] g,
                     float[][] states, float[][] orthBuffers) {
        PassFacts f = facts(pass);
        boolean[] active = f.active;
        boolean needed = pass.unconditional();
        for (int s = 0; s < active.length; s++) {
            active[s] = coarse.holds(f.guards[s], t);
            needed |= active[s];
        }
        boolean orthNeeded = false;
        for (Guard guard : f.orthGuards) {
            orthNeeded |= coarse.holds(guard, t);
        }
        needed |= orthNeeded;
        if (!needed) {
            return; // this tensor takes the other branch of a uniform condition: nothing here is used
        }
        // A reduction of an array itself (norm(g), norm(w)) sums the array where it lies: no
        // copy through scratch, and a pass that does nothing else calls no kernel at all.
        float[][] sources = f.arraySources;
        boolean kernelNeeded = pass.unconditional() || orthNeeded;
        for (int s = 0; s < sources.length; s++) {
            ReductionSource src = f.sources[s];
            sources[s] = switch (src.kind()) {
                case WEIGHT -> w;
                case GRADIENT -> g;
                case STATE -> states[src.index()];
                case KERNEL, KEPT -> null;
            };
            kernelNeeded |= active[s] && !src.inPlace();
        }
        int nStates = states.length;
        int nCols = f.columnExports.length;
        int nScratch = f.reductions.length;
        // A call is at most a block when the kernel adds its sums in registers, and a tile
        // when its values go through scratch arrays (Cuts); at most the tensor: small tensors
        // (a bias, a rule search's proxies) need small scratch.
        int longest = f.striped.length > 0 && kernels.striped() ? Cuts.LONG : Cuts.TILE;
        int tile = pass.rowWise() ? geo.cols[t] : Math.min(longest, end - from);
        ensure(nCols, nScratch, Math.max(tile, geo.maxCols));
        int keeps = plan.keeps();
        float[][] arrays = f.arrays(nStates + nCols + nScratch + orthBuffers.length + keeps);
        System.arraycopy(states, 0, arrays, 0, nStates);
        System.arraycopy(columns, 0, arrays, nStates, nCols);
        System.arraycopy(scratch, 0, arrays, nStates + nCols, nScratch);
        System.arraycopy(orthBuffers, 0, arrays, nStates + nCols + nScratch, orthBuffers.length);

        uniforms.fillTensor(coarse, t, geo.group[t]);
        LoopKernel kernel = kernels.choose(uniforms.values);   // the branches this tensor takes
        for (int j = 0; j < nCols; j++) {
            int k = f.columnExports[j];
            int base = geo.colBase[t];
            for (int c = 0; c < geo.cols[t]; c++) {
                columns[j][c] = coarse.export(k, base + c);
            }
        }
        boolean tensorSums = f.tensorSums;
        // One running sum per pass and tensor is enough only with one per-tensor reduction;
        // with several, each keeps its own sum below.
        if (slotSums.length < nScratch) {
            slotSums = Arrays.copyOf(slotSums, nScratch);
        }
        StripedSum[] sums = f.sums;
        Arrays.fill(sums, null);
        for (int s = 0; s < nScratch; s++) {
            ReductionSpec spec = f.specs[s];
            if (active[s] && (spec.axis() == Axis.TENSOR || spec.axis() == Axis.ALL)) {
                if (slotSums[s] == null) {
                    slotSums[s] = new StripedSum();
                }
                sums[s] = slotSums[s];
                sums[s].reset(spec.kind().squares());
            }
        }
        // Kept values live in one array per value for the whole tensor (or part), indexed from
        // its first weight, the kernels' origin: however a pass cuts its calls, and a pass
        // without sums makes one call.
        if (keeps > 0) {
            float[][] kept = workspace.kept(worker, keeps, end - from);
            System.arraycopy(kept, 0, arrays, arrays.length - keeps, keeps);
        }
        boolean byRow = pass.rowWise();
        // the rows of this part of the tensor (all of them for a whole tensor): parts of a
        // rule that runs row by row are whole rows (SharedTensor#unit)
        int firstRow = (from - geo.offset[t]) / geo.cols[t];
        int endRow = firstRow + (end - from) / geo.cols[t];
        int calls = byRow ? endRow - firstRow : nScratch > 0 ? cuts.cut(from, end, longest) : 1;
        StripedKernel striped = kernel instanceof StripedKernel sk && f.striped.length > 0 ? sk : null;
        boolean[] rest = active;
        if (striped != null) {
            rest = f.rest;
            System.arraycopy(active, 0, rest, 0, active.length);
            for (int s : f.striped) {
                rest[s] = false;
            }
            if (lanes.length < 16 * f.striped.length) {
                lanes = new double[16 * f.striped.length];
            }
        }
        if (byRow && kernelNeeded) {
            for (int row = firstRow; row < endRow; row++) {
                uniforms.fillRow(coarse, geo.rowBase[t] + row);
                int lo = geo.offset[t] + row * geo.cols[t];
                call(f, kernel, striped, w, g, t, row, 1, lo, lo + geo.cols[t], from, sums, active, rest, sources,
                        arrays);
            }
        } else if (!kernelNeeded) {
            // the arrays themselves, in one go: all the part's rows of a pass that runs row by row
            accumulate(f, t, byRow ? firstRow : -1, byRow ? endRow - firstRow : 0, from, end - from, from, sums,
                    active, sources, arrays);
        } else {
            // A pass without sums makes one call. Every kernel call goes through call(): given a
            // call site of its own here, C2 inlined LAMB's update loop into this large method and
            // the step ran 2-3% slower (benchmarks/RESULTS.md, session 12).
            for (int c = 0, lo = from; c < calls; c++) {
                int hi = nScratch > 0 ? cuts.end(c) : end;
                call(f, kernel, striped, w, g, t, -1, 0, lo, hi, from, sums, active, rest, sources, arrays);
                lo = hi;
            }
        }
        if (tensorSums && part != null) {
            for (int s = 0; s < nScratch; s++) {
                if (sums[s] != null) {
                    part.blocks[f.reductions[s]] = sums[s].blocks();
                }
            }
        } else if (tensorSums) {
            for (int s = 0; s < nScratch; s++) {
                if (sums[s] != null) {
                    int r = f.reductions[s];
                    Reduction kind = f.specs[s].kind();
                    coarse.acc[r][t] = kind == Reduction.MAX || kind == Reduction.MIN ? coarse.acc[r][t] : sums[s].finish();
                }
            }
        }
    }

    /** The facts of {@code pass}, worked out on its first tensor (a plan has a few passes). */
    private PassFacts facts(Pass pass) {
        for (PassFacts f : facts) {
            if (f.pass == pass) {
                return f;
            }
        }
        facts = Arrays.copyOf(facts, facts.length + 1);
        facts[facts.length - 1] = new PassFacts(plan, pass);
        return facts[facts.length - 1];
    }

    /**
     * One kernel call over weights {@code [lo, hi)} (a tile, or row {@code row}) and its
     * reductions, with kept arrays indexed from {@code origin}: the striped kernel adds the
     * striped sums in registers when the call is whole stripes within one block of every such
     * sum; otherwise the kernel stores their values and they are added from there
     * ({@link #accumulate}).
     */
    private void call(PassFacts f, LoopKernel kernel, StripedKernel striped, float[] w, float[] g, int t, int row,
                      int rows, int lo, int hi, int origin, StripedSum[] sums, boolean[] active, boolean[] rest,
                      float[][] sources, float[][] arrays) {
        if (striped == null || (hi - lo) % StripedSum.STRIPES != 0 || !inOneBlock(f, sums, hi - lo)) {
            kernel.run(w, g, arrays, uniforms.values, lo, hi, origin);
            accumulate(f, t, row, rows, lo, hi - lo, origin, sums, active, sources, arrays);
            return;
        }
        for (int k = 0; k < f.striped.length; k++) {
            StripedSum sum = sums[f.striped[k]];
            if (sum != null) {
                sum.lanesOut(lanes, 16 * k);
            } else {
                Arrays.fill(lanes, 16 * k, 16 * k + 16, 0.0); // a row's sum starts with its call
            }
        }
        striped.runStriped(w, g, arrays, uniforms.values, lo, hi, origin, lanes);
        for (int k = 0; k < f.striped.length; k++) {
            int s = f.striped[k];
            if (sums[s] != null) {
                sums[s].lanesIn(lanes, 16 * k, hi - lo);
            } else if (active[s] && f.specs[s].axis() == Axis.ROW) {
                // the row's sixteen stripes, added as StripedSum adds a block of at most 65,536
                rowSum.reset(f.specs[s].kind().squares());
                rowSum.lanesIn(lanes, 16 * k, hi - lo);
                coarse.acc[f.reductions[s]][geo.rowBase[t] + row] = rowSum.finish();
            }
        }
        accumulate(f, t, row, rows, lo, hi - lo, origin, sums, rest, sources, arrays);
    }

    /**
     * Whether the next {@code n} values of every striped sum fall in one block: a kernel's
     * lanes continue one block's stripes (a call that crosses a block's end goes the scratch
     * way, and so does a row longer than a block).
     */
    private static boolean inOneBlock(PassFacts f, StripedSum[] sums, int n) {
        for (int s : f.striped) {
            if (sums[s] != null ? !sums[s].fitsInBlock(n) : n > StripedSum.BLOCK) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds the values of one call ({@code n} weights from index {@code lo}) into the
     * reductions: from the scratch array the kernel filled, a kept array (indexed from
     * {@code origin}), or the reduced array itself ({@code sources}, indexed like the
     * weights). For a pass that runs row by row the values are {@code rows} whole rows from
     * row {@code row} (one, for a kernel's call; all of them, for arrays summed where they lie).
     */
    private void accumulate(PassFacts f, int t, int row, int rows, int lo, int n, int origin, StripedSum[] sums,
                            boolean[] active, float[][] sources, float[][] arrays) {
        for (int s = 0; s < f.reductions.length; s++) {
            if (!active[s]) {
                continue; // not needed by this tensor's branch
            }
            int r = f.reductions[s];
            ReductionSpec spec = f.specs[s];
            float[] x = sources[s] != null ? sources[s] : f.keptSlots[s] >= 0 ? arrays[f.keptSlots[s]] : scratch[s];
            int base = sources[s] != null ? lo : f.keptSlots[s] >= 0 ? lo - origin : 0;
            Reduction kind = spec.kind();
            double[] acc = coarse.acc[r];
            switch (spec.axis()) {
                case TENSOR, ALL -> {
                    if ((kind == Reduction.MAX || kind == Reduction.MIN) && part != null) {
                        part.extreme[r] = fold(kind, part.extreme[r], x, base, n);
                        part.folded[r] = true;
                    } else if (kind == Reduction.MAX || kind == Reduction.MIN) {
                        acc[t] = fold(kind, acc[t], x, base, n);
                    } else {
                        sums[s].add(x, base, n);
                    }
                }
                case ROW -> {
                    int cols = n / rows;
                    if (kind == Reduction.MAX || kind == Reduction.MIN) {
                        for (int k = 0; k < rows; k++) {
                            int e = geo.rowBase[t] + row + k;
                            acc[e] = fold(kind, acc[e], x, base + k * cols, cols);
                        }
                    } else {
                        rowSums.add(kind.squares(), acc, geo.rowBase[t] + row, x, base, rows, cols);
                    }
                }
                case COL -> columnBlocks.add(s, kind, x, base, row, rows, n / rows, geo.rows[t], acc, geo.colBase[t],
                        part, r);
            }
        }
    }

    private static double fold(Reduction kind, double acc, float[] x, int from, int n) {
        for (int k = from; k < from + n; k++) {
            acc = CoarseValues.combine(kind, acc, x[k]);
        }
        return acc;
    }

    private void ensure(int nCols, int nScratch, int length) {
        if (columns.length < nCols || (nCols > 0 && columns[0].length < length)) {
            columns = workspace.columns(worker, nCols, length);
        }
        if (scratch.length < nScratch || (nScratch > 0 && scratch[0].length < length)) {
            scratch = workspace.scratch(worker, nScratch, length);
        }
    }
}

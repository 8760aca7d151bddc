package org.optjit.phase;

import java.util.List;
import org.optjit.ir.Program;
import org.optjit.ir.ReductionSpec;
import org.optjit.sema.Axis;
import org.optjit.sema.Shape;

/**
 * How one step of a rule over tensors runs: the passes over the weights and, between them,
 * the coarse values (per step, tensor, row, column) of the prelude. Level by level: the
 * coarse values of level {@code l} are computed (from reductions accumulated by the passes
 * before), then pass {@code l} runs over the weights. A level is global when one of its
 * coarse values is per step from data (an {@code [all]} reduction): every tensor must finish
 * the passes before it first. Between global levels, each tensor goes through its passes on
 * its own, so a second pass over a tensor that fits in cache reads it from cache.
 *
 * @param program       the compiled rule
 * @param preludeShape  the shape class of each prelude instruction
 * @param preludeLevel  the level of each prelude instruction
 * @param export        the prelude instruction of each export slot
 * @param passes        the passes, in level order (levels without work have none)
 * @param levels        the number of levels (one more than the highest)
 * @param global        for each level, whether it is global
 * @param orthLevel     for each {@code orth}, the level whose pass computes its argument
 * @param keeps         how many per-weight values an earlier pass keeps for a later one
 *                      ({@link Placement}): stored with {@code KEPT} and read with
 *                      {@code LOAD_K}, relative to the kernel's {@code origin}, in one array
 *                      per kept value for the tensor (or part) the passes run over
 * @param reductionGuards for each reduction, when a tensor needs it ({@link Guards}); a tensor
 *                      whose guard fails skips its accumulation
 * @param orthGuards    for each {@code orth}, when a tensor needs it
 */
public record Plan(Program program, Shape[] preludeShape, int[] preludeLevel, int[] export, List<Pass> passes,
                   int levels, boolean[] global, int[] orthLevel, int keeps, List<Guard> reductionGuards,
                   List<Guard> orthGuards) {

    public Plan {
        passes = List.copyOf(passes);
        reductionGuards = List.copyOf(reductionGuards);
        orthGuards = List.copyOf(orthGuards);
    }

    /** The shape class of export slot {@code k}. */
    public Shape exportShape(int k) {
        return preludeShape[export[k]];
    }

    /** The kernel array slot, in {@code pass}, of the scratch array of its reduction {@code s} (an index into {@link Pass#scratch()}). */
    public int scratchSlot(Pass pass, int s) {
        return program.states().size() + pass.columnExports().size() + s;
    }

    /** The kernel array slot, in {@code pass}, of the buffer that receives orth {@code o}'s argument. */
    public int orthInput(Pass pass, int o) {
        return scratchSlot(pass, pass.scratch().size()) + 2 * o;
    }

    /** The kernel array slot, in {@code pass}, of the buffer that holds orth {@code o}'s result. */
    public int orthOutput(Pass pass, int o) {
        return orthInput(pass, o) + 1;
    }

    /** How many arrays as long as the weights the runtime gives the passes: two per {@code orth} (its argument, its result). */
    public int buffers() {
        return 2 * program.orth().size();
    }

    /** The kernel array slot, in {@code pass}, of kept value {@code k} (after the orth buffers). */
    public int keptSlot(Pass pass, int k) {
        return orthInput(pass, 0) + buffers() + k;
    }

    /** Whether some pass runs row by row (then, with kept values, every pass is called row by row). */
    public boolean anyRowWise() {
        return passes.stream().anyMatch(Pass::rowWise);
    }

    /**
     * Whether some pass adds a per-weight value into a reduction down columns: a tensor that
     * threads share is then cut at whole blocks of a column's sum (the runtime's
     * {@code ColumnBlocks}).
     */
    public boolean sumsDownColumns() {
        for (ReductionSpec spec : program.reductions()) {
            if (spec.perWeight() && spec.axis() == Axis.COL) {
                return true;
            }
        }
        return false;
    }

    /** Whether some pass adds a per-weight value into a sum over a tensor or over all tensors. */
    public boolean sumsOverTensors() {
        for (ReductionSpec spec : program.reductions()) {
            if (spec.perWeight() && (spec.axis() == Axis.TENSOR || spec.axis() == Axis.ALL)) {
                return true;
            }
        }
        return false;
    }

    /** Bytes read per weight per step by all passes: 4 per array element or kept value loaded ({@link PassBytes}). */
    public int bytesReadPerWeight() {
        int n = 0;
        for (Pass p : passes) {
            n += PassBytes.read(p);
        }
        return n;
    }

    /** Bytes written per weight per step by all passes: arrays and kept values (reductions' scratch is not counted). */
    public int bytesWrittenPerWeight() {
        int n = 0;
        for (Pass p : passes) {
            n += PassBytes.written(p);
        }
        return n;
    }
}

package org.optjit.phase;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ir.Insn;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.ir.ReductionSpec;
import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;

/**
 * Where the reductions of a pass find their values ({@link ReductionSource}), and which of them
 * a striped kernel adds up in registers ({@link Pass#striped()}): the planner's choices about
 * reading each value once.
 */
final class ReductionSources {

    private ReductionSources() {
    }

    /**
     * Where the pass of {@code level} finds the values of reduction argument {@code arg}: the
     * array it loads, when this pass does not overwrite that array (the runtime sums it after
     * the kernel has run); the kept array, when this pass keeps the value anyway; else the
     * reduction's scratch array, filled by the kernel.
     */
    static ReductionSource source(Program p, int arg, int level, Placement placement) {
        if (placement.keptBy(arg, level)) {
            return new ReductionSource(ReductionSource.Kind.KEPT, placement.keptArray(arg));
        }
        Insn in = p.body().insns().get(arg);
        ReductionSource.Kind kind = switch (in.op()) {
            case LOAD_W -> ReductionSource.Kind.WEIGHT;
            case LOAD_G -> ReductionSource.Kind.GRADIENT;
            case LOAD_S -> ReductionSource.Kind.STATE;
            default -> ReductionSource.Kind.KERNEL;
        };
        if (kind == ReductionSource.Kind.KERNEL) {
            return ReductionSource.KERNEL_SCRATCH;
        }
        for (int o = 0; o < p.body().outputs().size(); o++) {
            Output out = p.body().outputs().get(o);
            boolean same = (kind == ReductionSource.Kind.WEIGHT && out.target() == Output.Target.WEIGHT)
                    || (kind == ReductionSource.Kind.STATE && out.target() == Output.Target.STATE
                        && out.slot() == in.slot());
            if (same && placement.stores(o, level)) {
                return ReductionSource.KERNEL_SCRATCH; // the kernel overwrites it: the reduction needs the values it loaded
            }
        }
        return new ReductionSource(kind, kind == ReductionSource.Kind.STATE ? in.slot() : -1);
    }

    /**
     * The reductions (indices into {@code scratch}) that a striped kernel adds up in registers:
     * sums and sums of squares over a tensor (or every tensor) or a row, of values the kernel
     * computes, or of values it loads anyway when it runs in any case ({@code kernelRuns}); then
     * that is cheaper than reading an array or a kept value a second time. In a pass that runs
     * row by row, a row's call continues the tensor's stripes and starts the row's own (the
     * runtime adds a row that is not whole stripes, or crosses a block's end, from the kernel's
     * scratch instead).
     */
    static List<Integer> striped(Program p, List<Integer> scratch, List<ReductionSource> sources,
                                 boolean kernelRuns) {
        List<Integer> striped = new ArrayList<>();
        for (int s = 0; s < scratch.size(); s++) {
            ReductionSpec spec = p.reductions().get(scratch.get(s));
            boolean sum = spec.kind() != Reduction.MAX && spec.kind() != Reduction.MIN;
            boolean whole = spec.axis() == Axis.TENSOR || spec.axis() == Axis.ALL || spec.axis() == Axis.ROW;
            boolean computed = sources.get(s).kind() == ReductionSource.Kind.KERNEL;
            if (sum && whole && (computed || kernelRuns)) {
                striped.add(s);
            }
        }
        return striped;
    }
}

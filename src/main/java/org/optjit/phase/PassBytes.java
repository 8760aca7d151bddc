package org.optjit.phase;

import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Memory traffic of a pass, for {@code explain} and for choosing between plans: 4 bytes per
 * array element loaded or stored, counting an array that a reduction sums where it lies
 * ({@link ReductionSource#inPlace()}) as read even when the kernel does not load it.
 */
final class PassBytes {

    private PassBytes() {
    }

    /** Bytes per weight that {@code pass} reads: its body's loads and the arrays its reductions sum in place. */
    static int read(Pass pass) {
        int n = read(pass.body());
        java.util.Set<ReductionSource> loaded = loads(pass.body());
        for (ReductionSource source : pass.sources()) {
            if (source.inPlace() && loaded.add(array(source))) {
                n += 4;
            }
        }
        return n;
    }

    /** The arrays indexed like the weights that {@code body} loads, as in-place sources. */
    static java.util.Set<ReductionSource> loads(Block body) {
        java.util.Set<ReductionSource> arrays = new java.util.HashSet<>();
        for (Insn in : body.insns()) {
            switch (in.op()) {
                case LOAD_W -> arrays.add(new ReductionSource(ReductionSource.Kind.WEIGHT, -1));
                case LOAD_G -> arrays.add(new ReductionSource(ReductionSource.Kind.GRADIENT, -1));
                case LOAD_S -> arrays.add(new ReductionSource(ReductionSource.Kind.STATE, in.slot()));
                default -> {
                }
            }
        }
        return arrays;
    }

    /** An in-place source as the array it reads (the weights and the gradient have no index). */
    static ReductionSource array(ReductionSource source) {
        return source.kind() == ReductionSource.Kind.STATE ? source : new ReductionSource(source.kind(), -1);
    }

    static int read(Block body) {
        int n = 0;
        for (Insn in : body.insns()) {
            if (in.op() == Op.LOAD_W || in.op() == Op.LOAD_G || in.op() == Op.LOAD_S) {
                n += 4;
            }
        }
        return n;
    }

    static int written(Block body) {
        int n = 0;
        for (Output o : body.outputs()) {
            if (o.target() != Output.Target.SCRATCH) {
                n += 4;
            }
        }
        return n;
    }
}

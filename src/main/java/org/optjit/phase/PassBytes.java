package org.optjit.phase;

import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Memory traffic of a pass, for {@code explain} and for choosing between plans: 4 bytes per
 * array element loaded or stored. An array that a reduction sums where it lies
 * ({@link ReductionSource#inPlace()}) is read even when the kernel does not load it. A kept
 * value is stored and loaded again like any array as long as the tensor: it stays in the
 * cache, but its traffic there is what a kept plan pays instead of recomputing (LARS, which
 * would keep two values to save reading w and g again, ran 1.4x slower keeping them).
 */
final class PassBytes {

    private PassBytes() {
    }

    /**
     * Bytes per weight that {@code pass} reads: its body's loads of arrays and
     * kept values, and the arrays its reductions sum in place.
     */
    static int read(Pass pass) {
        int n = read(pass.body());
        for (Insn in : pass.body().insns()) {
            if (in.op() == Op.LOAD_K) {
                n += 4;
            }
        }
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

    /** Bytes per weight that {@code pass} writes: arrays and kept values. */
    static int written(Pass pass) {
        int n = written(pass.body());
        for (Output o : pass.body().outputs()) {
            if (o.target() == Output.Target.KEPT) {
                n += 4;
            }
        }
        return n;
    }

    static int written(Block body) {
        int n = 0;
        for (Output o : body.outputs()) {
            if (o.target() != Output.Target.SCRATCH && o.target() != Output.Target.KEPT) {
                n += 4;
            }
        }
        return n;
    }
}

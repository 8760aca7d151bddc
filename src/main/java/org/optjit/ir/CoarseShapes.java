package org.optjit.ir;

import java.util.List;
import org.optjit.sema.Shape;

/**
 * The shape class of each prelude instruction: per step for literals, hyperparameters and t;
 * per tensor for shape values; a coarse state's class; a reduction's result class; and for
 * every other operation the finest class of its operands.
 */
public final class CoarseShapes {

    private CoarseShapes() {
    }

    /** The class of every instruction of {@code program}'s prelude. */
    public static Shape[] of(Program program) {
        return of(program.prelude().insns(), program.states(), program.reductions());
    }

    static Shape[] of(List<Insn> prelude, List<StateVar> states, List<ReductionSpec> reductions) {
        Shape[] out = new Shape[prelude.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(prelude.get(i), out, states, reductions);
        }
        return out;
    }

    /** The class of {@code in}, given the classes of the instructions before it. */
    static Shape of(Insn in, Shape[] known, List<StateVar> states, List<ReductionSpec> reductions) {
        switch (in.op()) {
            case SHAPE:
                return Shape.TENSOR;
            case COARSE_STATE:
                return states.get(in.slot()).shape();
            case REDUCE:
            case REDUCE_OF:
                return reductions.get(in.slot()).shape();
            default:
                break;
        }
        Shape s = Shape.STEP;
        for (int k = 0; k < in.op().arity(); k++) {
            s = s.join(known[in.operand(k)]);
        }
        return s;
    }
}

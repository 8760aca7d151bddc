package org.optjit.ir;

import java.util.List;

/**
 * A compiled rule, ready for a backend.
 *
 * <p>Evaluation of one step, for weights {@code i} in {@code [from, to)}:
 * <ol>
 *   <li>{@link #prelude()} is evaluated once, in double, from the hyperparameter values
 *       (by {@link Hyper#slot()}) and {@code t}; its {@link Output.Target#EXPORT} outputs
 *       are rounded to float once: {@code uniforms[k] = (float) value} (truth values as
 *       1 or 0).</li>
 *   <li>{@link #body()} is evaluated for each weight in float32. It reads
 *       {@code w[i]}, {@code g[i]}, {@code state[k][i]} and {@code uniforms[k]}; its
 *       outputs store into {@code w[i]} and {@code state[k][i]} after all loads of that
 *       weight (each element is loaded at most once and stored at most once).</li>
 * </ol>
 * New state is made by {@link #initPrelude()} (double; reads only hyperparameters, no
 * {@code t}) and {@link #init()} (float per weight; reads only {@code w} and its
 * uniforms; stores every state array).
 *
 * @param name        a name for the rule (file name without extension, or "rule")
 * @param hypers      hyperparameters, in slot order
 * @param states      state arrays, in slot order
 * @param stepScalars named step scalars, for {@code explain}
 * @param temporaries names of per-weight temporaries, for {@code explain}
 * @param prelude     the per-step scalar block (double)
 * @param body        the per-weight block (float32)
 * @param initPrelude the scalar block for initial state (double)
 * @param init        the per-weight block that computes initial state (float32)
 * @param reductions  the reductions of the step, by slot (see "Rules over tensors" below)
 * @param orth        for each {@code orth} (by the slot of its {@link Op#LOAD_T}), the body
 *                    instruction it orthogonalises
 * @param evaluate    the weights {@code evaluate e} computes after a step, or null
 *
 * <h2>Rules over tensors</h2>
 * A rule with reductions, shape values or coarse state ({@link #elementWise()} false) has a
 * prelude whose values are not all per step: each prelude instruction has a shape class
 * ({@code org.optjit.phase.CoarseShapes}): per step, per step from data, per tensor, per row,
 * per column. Leaves {@link Op#SHAPE}, {@link Op#COARSE_STATE} and {@link Op#REDUCE} bring
 * the tensor's shape, coarse state and the results of reductions of per-weight values (body
 * instructions {@link ReductionSpec#arg()}) into the prelude, and prelude outputs
 * {@link Output.Target#STATE} store coarse state. The phase stage splits such a program into
 * passes over the weights ({@code org.optjit.phase.Plan}).
 */
public record Program(
        String name,
        List<Hyper> hypers,
        List<StateVar> states,
        List<StepScalar> stepScalars,
        List<String> temporaries,
        Block prelude,
        Block body,
        Block initPrelude,
        Block init,
        List<ReductionSpec> reductions,
        List<Integer> orth,
        Evaluation evaluate) {

    /**
     * What {@code evaluate e} computes after a step: a prelude of hyperparameters (double) and
     * a per-weight body that reads w and per-weight states and stores e as the weight.
     */
    public record Evaluation(Block prelude, Block body) {
    }

    public Program {
        hypers = List.copyOf(hypers);
        states = List.copyOf(states);
        stepScalars = List.copyOf(stepScalars);
        temporaries = List.copyOf(temporaries);
        reductions = List.copyOf(reductions);
        orth = List.copyOf(orth);
    }

    /** An element-wise program: no reductions, no coarse state, no evaluation block. */
    public Program(String name, List<Hyper> hypers, List<StateVar> states, List<StepScalar> stepScalars,
                   List<String> temporaries, Block prelude, Block body, Block initPrelude, Block init) {
        this(name, hypers, states, stepScalars, temporaries, prelude, body, initPrelude, init, List.of(), List.of(),
                null);
    }

    /**
     * Whether every value is per step or per weight: no reductions, no shape values, no coarse
     * state. Such a program is one fused pass over all weights, whatever the layout.
     */
    public boolean elementWise() {
        if (!reductions.isEmpty() || !orth.isEmpty()) {
            return false;
        }
        for (StateVar s : states) {
            if (!s.perWeight()) {
                return false;
            }
        }
        for (Insn in : prelude.insns()) {
            if (in.op() == Op.SHAPE || in.op() == Op.COARSE_STATE) {
                return false;
            }
        }
        return true;
    }

    /** The per-weight states, in slot order. */
    public List<StateVar> perWeightStates() {
        return states.stream().filter(StateVar::perWeight).toList();
    }

    /** Number of uniforms the body reads: one past the largest export slot of the prelude. */
    public int uniformCount() {
        return exportCount(prelude);
    }

    /** Number of uniforms the init block reads. */
    public int initUniformCount() {
        return exportCount(initPrelude);
    }

    private static int exportCount(Block block) {
        int n = 0;
        for (Output o : block.outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                n = Math.max(n, o.slot() + 1);
            }
        }
        return n;
    }

    /** Bytes read per weight per step: 4 for each array element the body loads. */
    public int bytesReadPerWeight() {
        int n = 0;
        for (Insn insn : body.insns()) {
            if (insn.op() == Op.LOAD_W || insn.op() == Op.LOAD_G || insn.op() == Op.LOAD_S) {
                n += 4;
            }
        }
        return n;
    }

    /** Bytes written per weight per step: 4 for each array element the body stores. */
    public int bytesWrittenPerWeight() {
        return 4 * body.outputs().size();
    }
}

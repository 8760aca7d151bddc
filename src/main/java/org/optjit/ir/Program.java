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
        Block init) {

    public Program {
        hypers = List.copyOf(hypers);
        states = List.copyOf(states);
        stepScalars = List.copyOf(stepScalars);
        temporaries = List.copyOf(temporaries);
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

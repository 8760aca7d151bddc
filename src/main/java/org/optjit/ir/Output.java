package org.optjit.ir;

/**
 * What a block hands on. In the body: a store of the final value of {@code w} or of a
 * state array (each array element is stored at most once per step). In the prelude: an
 * export, the value that the body reads as {@link Op#UNIFORM} or {@link Op#UNIFORM_BOOL}
 * number {@code slot}.
 *
 * @param target what is written
 * @param slot   the state number ({@link Target#STATE}) or export number
 *               ({@link Target#EXPORT}); -1 for {@link Target#WEIGHT}
 * @param value  index of the instruction whose value is written
 */
public record Output(Target target, int slot, int value) {

    /**
     * {@link #SCRATCH} (pass bodies only): {@code state[slot][i - from]}, an array indexed from
     * the first weight of the call, which the runtime reduces after the call. {@link #KEPT}
     * (pass bodies only): {@code state[slot][i - origin]}, a value kept for a later pass, in an
     * array indexed from the kernel's {@code origin} (see {@link Op#LOAD_K}).
     */
    public enum Target { WEIGHT, STATE, EXPORT, SCRATCH, KEPT }
}

package org.optjit.phase;

/**
 * Where a pass finds the values that one of its reductions folds, so that no value is stored
 * twice. A reduction of an array that the pass does not overwrite ({@code norm(g)},
 * {@code norm(w)} before the pass that updates {@code w}) sums the array where it lies; a
 * reduction of a value the pass keeps for a later pass sums the kept array; anything else is
 * stored by the kernel into the reduction's scratch array.
 *
 * @param kind  which array holds the values
 * @param index the state slot ({@link Kind#STATE}) or kept array ({@link Kind#KEPT}); else -1
 */
public record ReductionSource(Kind kind, int index) {

    public enum Kind {
        /** The kernel stores them with {@code SCRATCH} into the reduction's own scratch array. */
        KERNEL,
        /** The weights, indexed like the weights. */
        WEIGHT,
        /** The gradient, indexed like the weights. */
        GRADIENT,
        /** State array {@code index}, indexed like the weights. */
        STATE,
        /** Kept array {@code index}, indexed from the kernel's origin (the tensor's or part's first weight). */
        KEPT
    }

    static final ReductionSource KERNEL_SCRATCH = new ReductionSource(Kind.KERNEL, -1);

    /** Whether the values lie in an array indexed like the weights (then the runtime may sum it without calling the kernel). */
    public boolean inPlace() {
        return kind == Kind.WEIGHT || kind == Kind.GRADIENT || kind == Kind.STATE;
    }
}

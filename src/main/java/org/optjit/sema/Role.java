package org.optjit.sema;

/** What a name is, as declared or inferred (docs/language.md, "Roles"). */
public enum Role {
    /** {@code w}: read and written per weight. */
    WEIGHT,
    /** {@code g}: read per weight; reassigning it changes only the local value. */
    GRADIENT,
    /** {@code t}: the step number, read-only. */
    STEP,
    /** {@code rows}, {@code cols}, {@code size}, {@code ndim}: the shape of the tensor, read-only. */
    SHAPE,
    /** {@code pi}, read-only. */
    CONSTANT,
    /** Read, never assigned, not built in (or declared {@code hyper}). */
    HYPER,
    /** Assigned and possibly read before its assignment on some path (or declared {@code state}). */
    STATE,
    /** Assigned, and its value depends only on hyperparameters, {@code t} and literals. */
    STEP_SCALAR,
    /** Any other assigned name: a per-weight value that lives for one step. */
    TEMPORARY;

    /** The role of a built-in name, or null. */
    public static Role builtin(String name) {
        return switch (name) {
            case "w" -> WEIGHT;
            case "g" -> GRADIENT;
            case "t" -> STEP;
            case "rows", "cols", "size", "ndim" -> SHAPE;
            case "pi" -> CONSTANT;
            default -> null;
        };
    }

    /** How diagnostics and {@code explain} name the role. */
    public String describe() {
        return switch (this) {
            case WEIGHT -> "the weight";
            case GRADIENT -> "the gradient";
            case STEP -> "the step number";
            case SHAPE -> "a shape value of the tensor";
            case CONSTANT -> "a constant";
            case HYPER -> "hyperparameter";
            case STATE -> "state";
            case STEP_SCALAR -> "step scalar";
            case TEMPORARY -> "temporary";
        };
    }
}

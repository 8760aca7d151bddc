package org.optjit.sema;

/**
 * The shape class of a value: how many values it has per step (docs/language.md, "Shape
 * classes"). Inferred like roles: an expression takes the finest class of its operands, and a
 * per-row value meeting a per-column value gives a per-weight value.
 */
public enum Shape {
    /** From literals, hyperparameters and {@code t}: known before the step reads any data. */
    STEP("per step"),
    /** From data over every tensor: {@code [all]} reductions, {@code state x: all}. */
    ALL("per step from data"),
    /** One value per tensor: per-tensor reductions, {@code rows}, {@code ndim}. */
    TENSOR("per tensor"),
    /** One value per row of a tensor. */
    ROW("per row"),
    /** One value per column of a tensor. */
    COL("per column"),
    /** One value per weight. */
    WEIGHT("per weight");

    private final String description;

    Shape(String description) {
        this.description = description;
    }

    /** "per tensor", as diagnostics and {@code explain} say it. */
    public String describe() {
        return description;
    }

    /** "per-tensor", as an adjective: "a per-tensor value". */
    public String adjective() {
        return description.replace(' ', '-');
    }

    /** The finer of two classes; per row and per column together are per weight. */
    public Shape join(Shape other) {
        if (this == other) {
            return this;
        }
        if ((this == ROW && other == COL) || (this == COL && other == ROW)) {
            return WEIGHT;
        }
        return ordinal() > other.ordinal() ? this : other;
    }

    /** Whether {@code other} carries no more values than this ({@code join} gives this). */
    public boolean holds(Shape other) {
        return join(other) == this;
    }

    /** Whether a condition of this class is the same for every weight of a tensor. */
    public boolean uniformPerTensor() {
        return this == STEP || this == ALL || this == TENSOR;
    }

    /** The word a {@code state} declaration uses for this class, or null for STEP and WEIGHT. */
    public String keyword() {
        return switch (this) {
            case ALL -> "all";
            case TENSOR -> "tensor";
            case ROW -> "row";
            case COL -> "col";
            default -> null;
        };
    }

    /** The class a {@code state x: word} declaration names, or null. */
    public static Shape ofKeyword(String word) {
        for (Shape s : values()) {
            if (word.equals(s.keyword())) {
                return s;
            }
        }
        return word.equals("weight") ? WEIGHT : null;
    }
}

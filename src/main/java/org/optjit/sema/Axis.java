package org.optjit.sema;

/**
 * The scope of a reduction, written in brackets: {@code sum[row](e)}. What it reduces away
 * depends on what its argument has (docs/language.md, "Reductions"): {@code row} sums along
 * each row (the columns go away), {@code col} down each column, {@code tensor} over the whole
 * tensor, {@code all} over every tensor of the step.
 */
public enum Axis {
    TENSOR, ALL, ROW, COL;

    /** The scope when none is written. */
    public static final Axis DEFAULT = TENSOR;

    /** Lower case once, not at every look-up (a rule search analyses thousands of rules a second). */
    private final String spelling = name().toLowerCase(java.util.Locale.ROOT);

    public String spelling() {
        return spelling;
    }

    /** The scope written {@code word}, or null. */
    public static Axis named(String word) {
        for (Axis a : values()) {
            if (a.spelling().equals(word)) {
                return a;
            }
        }
        return null;
    }

    public static java.util.List<String> spellings() {
        return java.util.Arrays.stream(values()).map(Axis::spelling).toList();
    }

    /**
     * The class of the result of reducing a value of class {@code arg} along this scope, or
     * null when {@code arg} is already reduced along it (a per-row value has one value per
     * row: there is nothing left to reduce along the row).
     */
    public Shape reduce(Shape arg) {
        return switch (this) {
            case TENSOR -> arg == Shape.WEIGHT || arg == Shape.ROW || arg == Shape.COL ? Shape.TENSOR : null;
            case ALL -> arg == Shape.STEP || arg == Shape.ALL ? null : Shape.ALL;
            case ROW -> arg == Shape.WEIGHT ? Shape.ROW : arg == Shape.COL ? Shape.TENSOR : null;
            case COL -> arg == Shape.WEIGHT ? Shape.COL : arg == Shape.ROW ? Shape.TENSOR : null;
        };
    }
}

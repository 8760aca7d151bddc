package org.optjit.ast;

/**
 * Where a node was written: 1-based line and column of its first character and how many
 * characters it covers on that line (at least 1). Nodes made by the compiler rather than
 * written by a user carry {@link #NONE}.
 */
public record Span(int line, int column, int length) {

    public static final Span NONE = new Span(0, 0, 0);

    /** From this span's start to the end of {@code end}, clipped to this span's line. */
    public Span to(Span end) {
        if (end.line != line) {
            return this;
        }
        return new Span(line, column, Math.max(length, end.column + end.length - column));
    }
}

package org.optjit.ast;

import org.optjit.Diagnostic;

/**
 * A rule's text, split into lines, so that any stage can turn a {@link Span} into a
 * {@link Diagnostic} that shows the offending line.
 */
public final class SourceFile {

    private final String name;
    private final String text;
    /** The lines, split on first use; volatile, so a thread sees either null or the whole array. */
    private volatile String[] lines;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * The lines, split when a diagnostic first needs them, not for every rule compiled (a
     * regular expression over the whole text). Lines end at '\n' only, as ANTLR counts
     * them; a '\r' before it is dropped.
     */
    private String[] lines() {
        String[] split = lines;
        if (split == null) {
            split = text.split("\r?\n", -1);
            lines = split; // two threads may both split: same result
        }
        return split;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /**
     * Line {@code n} (1-based) without its terminator, or "" past the end. Control
     * characters show as '?' (one for one, so carets still line up).
     */
    public String line(int n) {
        String[] lines = lines();
        String s = n >= 1 && n <= lines.length ? lines[n - 1] : "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c != '\t' && Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    public int lineCount() {
        return lines().length;
    }

    /** A diagnostic at {@code span}; a span without a line points at line 1. */
    public Diagnostic error(Span span, String message) {
        int line = Math.max(1, span.line());
        int column = Math.max(1, span.column());
        return new Diagnostic(name, line, column, Math.max(1, span.length()), message, line(line));
    }
}

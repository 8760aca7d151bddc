package org.optjit;

/**
 * One located problem in a rule's source.
 *
 * @param file       the file name as given ("&lt;input&gt;" for a string)
 * @param line       1-based line
 * @param column     1-based column
 * @param length     how many characters the caret line underlines (at least 1)
 * @param message    a plain sentence, without location
 * @param sourceLine the text of the offending line, without its line terminator
 */
public record Diagnostic(String file, int line, int column, int length, String message, String sourceLine) {

    /**
     * The form users see:
     * <pre>
     * rule.opt:3:7: error: undefined function 'sqr'; did you mean 'sqrt'?
     *     w -= sqr(g)
     *          ^^^
     * </pre>
     */
    public String format() {
        return format("error");
    }

    /** {@link #format()} with another severity word, e.g. "warning". */
    public String format(String severity) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(':').append(column)
          .append(": ").append(severity).append(": ").append(message);
        if (sourceLine != null) {
            String shown = sourceLine.replace('\t', ' ');
            sb.append('\n').append("    ").append(shown).append('\n').append("    ");
            sb.append(" ".repeat(Math.max(0, column - 1)));
            sb.append("^".repeat(Math.max(1, length)));
        }
        return sb.toString();
    }
}

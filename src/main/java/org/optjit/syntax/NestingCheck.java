package org.optjit.syntax;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.optjit.Diagnostic;
import org.optjit.ast.SourceFile;

/**
 * Rejects input nested so deeply that the recursive-descent parser (and the recursive
 * stages after it) could overflow the stack, before the parser runs. It runs over the
 * token list in one loop, so it cannot overflow itself.
 *
 * <p>What makes the parser recurse: parentheses and braces, prefix operators, {@code ^}
 * (its exponent is a prefix expression) and {@code ?:}. Binary operators do not: the
 * grammar gives each level as a loop. The check counts the open parentheses and braces
 * plus the recursing operators of the current statement; the limit is far above anything
 * a person writes.
 */
final class NestingCheck {

    static final int LIMIT = 200;

    private NestingCheck() {
    }

    /** The first place where nesting exceeds {@link #LIMIT}, or null. */
    static Diagnostic check(List<Token> tokens, SourceFile source) {
        int brackets = 0;
        int operators = 0;
        Token previous = null;
        for (Token t : tokens) {
            String text = t.getText();
            if (text.equals("(") || text.equals("{")) {
                brackets++;
            } else if (text.equals(")") || text.equals("}")) {
                brackets = Math.max(0, brackets - 1);
            }
            if (t.getType() == OptRuleLexer.NL || text.equals(";") || text.equals("{") || text.equals("}")) {
                operators = 0; // a statement or a condition ends
            } else if (text.equals("^") || text.equals("?") || isPrefix(t, previous)) {
                operators++;
            }
            if (brackets + operators > LIMIT) {
                return source.error(AstBuilder.span(t), "nested too deeply: more than " + LIMIT
                        + " levels of parentheses, blocks, prefix operators, '^' or '?:'; split the expression");
            }
            previous = t;
        }
        return null;
    }

    private static boolean isPrefix(Token t, Token previous) {
        String text = t.getText();
        if (!text.equals("-") && !text.equals("+") && !text.equals("!")) {
            return false;
        }
        if (previous == null) {
            return true;
        }
        int type = previous.getType();
        return type != OptRuleLexer.NAME && type != OptRuleLexer.NUMBER && !previous.getText().equals(")");
    }
}

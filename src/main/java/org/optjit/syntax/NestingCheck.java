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

    // Token types, compared instead of token texts: a token's text is a new string each time.
    private static final int OPEN_PAREN = Tokens.typeOf("'('");
    private static final int CLOSE_PAREN = Tokens.typeOf("')'");
    private static final int OPEN_BRACE = Tokens.typeOf("'{'");
    private static final int CLOSE_BRACE = Tokens.typeOf("'}'");
    private static final int SEMICOLON = Tokens.typeOf("';'");
    private static final int CARET = Tokens.typeOf("'^'");
    private static final int QUESTION = Tokens.typeOf("'?'");
    private static final int MINUS = Tokens.typeOf("'-'");
    private static final int PLUS = Tokens.typeOf("'+'");
    private static final int NOT = Tokens.typeOf("'!'");

    private NestingCheck() {
    }

    /** The first place where nesting exceeds {@link #LIMIT}, or null. */
    static Diagnostic check(List<Token> tokens, SourceFile source) {
        int brackets = 0;
        int operators = 0;
        Token previous = null;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == OPEN_PAREN || type == OPEN_BRACE) {
                brackets++;
            } else if (type == CLOSE_PAREN || type == CLOSE_BRACE) {
                brackets = Math.max(0, brackets - 1);
            }
            if (type == OptRuleLexer.NL || type == SEMICOLON || type == OPEN_BRACE || type == CLOSE_BRACE) {
                operators = 0; // a statement or a condition ends
            } else if (type == CARET || type == QUESTION || isPrefix(type, previous)) {
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

    private static boolean isPrefix(int type, Token previous) {
        if (type != MINUS && type != PLUS && type != NOT) {
            return false;
        }
        if (previous == null) {
            return true;
        }
        int before = previous.getType();
        return before != OptRuleLexer.NAME && before != OptRuleLexer.NUMBER && before != CLOSE_PAREN;
    }
}

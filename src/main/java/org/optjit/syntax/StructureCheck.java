package org.optjit.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.optjit.Diagnostic;
import org.optjit.ast.SourceFile;

/**
 * Finds the cause of a syntax error that ANTLR reports far from where it was made, or as a
 * cascade: an unclosed '{' (reported by the parser at the end of the file), an
 * {@code else} whose {@code if} block was never closed, a stray '}', {@code **} written
 * for a power, a keyword used as a name. Runs over the token list only when the parse has
 * failed; when it finds a cause, that one error replaces the parser's list.
 */
final class StructureCheck {

    private static final int OPEN_BRACE = Tokens.typeOf("'{'");
    private static final int CLOSE_BRACE = Tokens.typeOf("'}'");
    private static final int SEMICOLON = Tokens.typeOf("';'");
    private static final int STAR = Tokens.typeOf("'*'");
    private static final int ELSE = Tokens.typeOf("'else'");
    private static final Set<Integer> DECLARATIONS = Set.of(Tokens.typeOf("'hyper'"), Tokens.typeOf("'state'"));
    private static final Set<Integer> KEYWORDS = Set.of(Tokens.typeOf("'hyper'"), Tokens.typeOf("'state'"),
            Tokens.typeOf("'if'"), ELSE);
    private static final Set<Integer> ASSIGN_OPS = Set.of(Tokens.typeOf("'='"), Tokens.typeOf("'+='"),
            Tokens.typeOf("'-='"), Tokens.typeOf("'*='"), Tokens.typeOf("'/='"));

    private StructureCheck() {
    }

    /** The single error that explains the failed parse, or null when there is no such cause. */
    static Diagnostic cause(List<Token> tokens, SourceFile source) {
        Deque<Token> open = new ArrayDeque<>();
        Token previous = null; // the previous token other than a newline
        Token before = null; // the token just before, newlines included
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (type == STAR && next != null && next.getType() == STAR && next.getStartIndex() == t.getStopIndex() + 1) {
                return source.error(span(t, 2), "'**' is not an operator; write a power with '^', e.g. 'g^2'");
            }
            if (KEYWORDS.contains(type) && next != null && ASSIGN_OPS.contains(next.getType())) {
                return source.error(AstBuilder.span(t), "'" + t.getText() + "' is a keyword and cannot be a name;"
                        + " choose another name");
            }
            if (DECLARATIONS.contains(type) && !startsStatement(before)) {
                return source.error(AstBuilder.span(t), "'" + t.getText() + "' is a keyword and cannot be a name"
                        + " (it starts a declaration)");
            }
            if (type == OPEN_BRACE) {
                open.push(t);
            } else if (type == CLOSE_BRACE) {
                if (open.isEmpty()) {
                    return source.error(AstBuilder.span(t), "unmatched '}': no block is open here");
                }
                open.pop();
            } else if (type == ELSE && (previous == null || previous.getType() != CLOSE_BRACE)) {
                String why = open.isEmpty() ? "" : "; the block opened at line " + open.peek().getLine()
                        + " is not closed";
                return source.error(AstBuilder.span(t), "'else' must follow the '}' that closes an if's block" + why);
            } else if (type == Token.EOF && !open.isEmpty()) {
                return source.error(AstBuilder.span(open.peek()), "this '{' is never closed; add a '}' where its block ends");
            }
            if (type != OptRuleLexer.NL) {
                previous = t;
            }
            before = t;
        }
        return null;
    }

    private static boolean startsStatement(Token before) {
        return before == null || before.getType() == OptRuleLexer.NL || before.getType() == SEMICOLON
                || before.getType() == OPEN_BRACE || before.getType() == CLOSE_BRACE;
    }

    private static org.optjit.ast.Span span(Token t, int length) {
        return new org.optjit.ast.Span(t.getLine(), t.getCharPositionInLine() + 1, length);
    }
}

package org.optjit.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * ANTLR's recovering strategy, with messages in plain sentences ("unexpected end of line,
 * expected an expression") instead of token-set dumps. Recovery lets one run report
 * several syntax errors: after an error the parser skips to the end of the statement.
 */
final class PlainErrorStrategy extends DefaultErrorStrategy {

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        report(parser, e.getOffendingToken(), unexpected(e.getOffendingToken(), Tokens.expected(parser.getExpectedTokens())));
    }

    /**
     * After an error, skips to the end of the statement (a newline, ';' or '}') and leaves
     * recovery mode, so that the next statement is parsed afresh and reports its own
     * errors, not echoes ({@link SyntaxErrors} keeps one error per line).
     */
    @Override
    public void recover(Parser parser, RecognitionException e) {
        TokenStream in = parser.getInputStream();
        if (lastErrorIndex == in.index() && in.LA(1) != Token.EOF) {
            parser.consume(); // a second error at the same place: make progress
        }
        lastErrorIndex = in.index();
        while (in.LA(1) != Token.EOF && in.LA(1) != OptRuleLexer.NL && !isStatementEnd(parser.getCurrentToken())) {
            parser.consume();
        }
        endErrorCondition(parser);
    }

    /**
     * ANTLR may drop one unexpected token and go on; never a newline, which ends a
     * statement: {@code w -= lr *} on one line must not take the next line's first name as
     * its operand.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        return parser.getInputStream().LA(1) == OptRuleLexer.NL ? null : super.singleTokenDeletion(parser);
    }

    private static boolean isStatementEnd(Token t) {
        return t.getText().equals(";") || t.getText().equals("}");
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), unexpected(e.getOffendingToken(), Tokens.expected(e.getExpectedTokens())));
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        report(parser, e.getOffendingToken(), unexpected(e.getOffendingToken(), null));
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        report(parser, t, unexpected(t, Tokens.expected(getExpectedTokens(parser))));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        String expected = Tokens.expected(getExpectedTokens(parser));
        report(parser, t, "missing " + (expected == null ? "a token" : expected) + " before " + Tokens.describe(t));
    }

    private static String unexpected(Token t, String expected) {
        String s = "unexpected " + Tokens.describe(t);
        // after a stray character, what was expected is beside the point
        return expected == null || t.getType() == OptRuleLexer.BAD ? s : s + ", expected " + expected;
    }

    private static void report(Parser parser, Token t, String message) {
        parser.notifyErrorListeners(t, message, null);
    }
}

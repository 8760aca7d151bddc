package org.optjit.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's recovering strategy, with messages in plain sentences ("unexpected end of line,
 * expected an expression") instead of token-set dumps. Recovery lets one run report
 * several syntax errors.
 */
final class PlainErrorStrategy extends DefaultErrorStrategy {

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        report(parser, e.getOffendingToken(), unexpected(e.getOffendingToken(), null));
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
        report(parser, t, unexpected(t, null));
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
        return expected == null ? s : s + ", expected " + expected;
    }

    private static void report(Parser parser, Token t, String message) {
        parser.notifyErrorListeners(t, message, null);
    }
}

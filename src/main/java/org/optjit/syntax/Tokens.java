package org.optjit.syntax;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** How tokens and sets of expected tokens are named in diagnostics, in plain words. */
final class Tokens {

    private static final int IF = typeOf("'if'");

    private Tokens() {
    }

    /** {@code 'x'}, "end of line", "end of file", "a character U+0001". */
    static String describe(Token t) {
        int type = t.getType();
        if (type == Token.EOF) {
            return "end of file";
        }
        if (type == OptRuleLexer.NL) {
            return "end of line";
        }
        String text = t.getText();
        if (type == OptRuleLexer.BAD) {
            return "character " + character(text);
        }
        return "'" + text + "'";
    }

    private static String character(String text) {
        int c = text.codePointAt(0);
        if (Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)) {
            return String.format("U+%04X", c);
        }
        return "'" + text + "'";
    }

    /** "an expression", "')'", "')' or ','", or null when the set is too large to help. */
    static String expected(IntervalSet set) {
        if (set == null || set.isNil()) {
            return null;
        }
        if (set.contains(OptRuleLexer.NAME) && set.contains(IF)) {
            return "a statement";
        }
        if (set.contains(OptRuleLexer.NUMBER) && set.contains(OptRuleLexer.NAME)) {
            return "an expression";
        }
        if (set.contains(OptRuleLexer.NL)) {
            set = set.subtract(IntervalSet.of(Token.EOF)); // "end of line" says enough
        }
        if (set.size() > 3) {
            return null;
        }
        Vocabulary v = OptRuleParser.VOCABULARY;
        StringBuilder sb = new StringBuilder();
        int[] types = set.toArray();
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(i == types.length - 1 ? " or " : ", ");
            }
            sb.append(name(v, types[i]));
        }
        return sb.toString();
    }

    /** The token type of a literal such as {@code 'if'}. */
    static int typeOf(String literal) {
        Vocabulary v = OptRuleParser.VOCABULARY;
        for (int t = 0; t <= v.getMaxTokenType(); t++) {
            if (literal.equals(v.getLiteralName(t))) {
                return t;
            }
        }
        throw new IllegalStateException("no token " + literal);
    }

    private static String name(Vocabulary v, int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        if (type == OptRuleLexer.NL) {
            return "end of line";
        }
        if (type == OptRuleLexer.NAME) {
            return "a name";
        }
        if (type == OptRuleLexer.NUMBER) {
            return "a number";
        }
        String literal = v.getLiteralName(type);
        return literal != null ? literal : v.getDisplayName(type);
    }
}

package org.optjit.ir;

/**
 * Runs the front end: source text -> syntax -> AST -> analysis -> IR (optimised).
 * PLACEHOLDER until the front end lands (owned by the front-end work).
 */
public final class FrontEnd {

    private FrontEnd() {
    }

    /** @throws org.optjit.RuleException with every diagnostic when the rule is not valid */
    public static Program compile(String source, String fileName) {
        throw new UnsupportedOperationException("front end not yet implemented");
    }
}

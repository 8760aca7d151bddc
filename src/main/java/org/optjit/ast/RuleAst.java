package org.optjit.ast;

import java.util.List;

/**
 * A parsed rule: its statements in order, and the source they came from (for located
 * diagnostics in later stages).
 */
public record RuleAst(SourceFile source, List<Stmt> statements) {

    public RuleAst {
        statements = List.copyOf(statements);
    }
}

package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;

/**
 * Rewrites the names of a rule: each read through {@code reads} (which may return any
 * expression, e.g. a literal for a hyperparameter's default) and each assigned or declared
 * name through {@code targets}.
 */
final class Renaming {

    private final Function<Expr.Name, Expr> reads;
    private final UnaryOperator<String> targets;

    Renaming(Function<Expr.Name, Expr> reads, UnaryOperator<String> targets) {
        this.reads = reads;
        this.targets = targets;
    }

    List<Stmt> statements(List<Stmt> in) {
        List<Stmt> out = new ArrayList<>(in.size());
        for (Stmt s : in) {
            out.add(statement(s));
        }
        return out;
    }

    private Stmt statement(Stmt s) {
        if (s instanceof Stmt.StateDecl d) {
            List<Stmt.Declared> items = new ArrayList<>();
            for (Stmt.Declared x : d.items()) {
                items.add(new Stmt.Declared(targets.apply(x.name()), x.init() == null ? null : expr(x.init()), x.span()));
            }
            return new Stmt.StateDecl(items, d.span());
        }
        return AstRebuild.mapStatement(s, this::expr, targets, this::statements);
    }

    Expr expr(Expr e) {
        return e instanceof Expr.Name n ? reads.apply(n) : AstRebuild.mapChildren(e, this::expr);
    }
}

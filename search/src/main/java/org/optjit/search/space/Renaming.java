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
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(targets.apply(a.target()), a.op(), expr(a.value()), a.span());
        } else if (s instanceof Stmt.If i) {
            List<Stmt.Branch> branches = new ArrayList<>();
            for (Stmt.Branch b : i.branches()) {
                branches.add(new Stmt.Branch(expr(b.cond()), statements(b.body())));
            }
            return new Stmt.If(branches, statements(i.otherwise()), i.span());
        } else if (s instanceof Stmt.StateDecl d) {
            List<Stmt.Declared> items = new ArrayList<>();
            for (Stmt.Declared x : d.items()) {
                items.add(new Stmt.Declared(targets.apply(x.name()), x.init() == null ? null : expr(x.init()), x.span()));
            }
            return new Stmt.StateDecl(items, d.span());
        }
        return s;
    }

    Expr expr(Expr e) {
        if (e instanceof Expr.Name n) {
            return reads.apply(n);
        } else if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(expr(a));
            }
            return new Expr.Call(c.function(), args, c.nameSpan(), c.span());
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), expr(u.operand()), u.span());
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.span());
        } else if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(expr(c.cond()), expr(c.ifTrue()), expr(c.ifFalse()), c.span());
        }
        return e;
    }
}

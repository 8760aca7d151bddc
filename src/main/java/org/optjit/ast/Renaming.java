package org.optjit.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A copy of statements with names replaced, spans kept: how a chain of rules qualifies the
 * names two of its parts share ({@code clip.max_norm}).
 */
public final class Renaming {

    private final UnaryOperator<String> rename;

    private Renaming(UnaryOperator<String> rename) {
        this.rename = rename;
    }

    public static List<Stmt> apply(List<Stmt> statements, UnaryOperator<String> rename) {
        return new Renaming(rename).statements(statements);
    }

    private List<Stmt> statements(List<Stmt> list) {
        List<Stmt> out = new ArrayList<>(list.size());
        for (Stmt s : list) {
            out.add(statement(s));
        }
        return out;
    }

    private Stmt statement(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(rename.apply(a.target()), a.op(), expr(a.value()), a.span());
        }
        if (s instanceof Stmt.HyperDecl h) {
            return new Stmt.HyperDecl(items(h.items()), h.span());
        }
        if (s instanceof Stmt.StateDecl d) {
            return new Stmt.StateDecl(items(d.items()), d.span());
        }
        if (s instanceof Stmt.Evaluate e) {
            return new Stmt.Evaluate(expr(e.value()), e.span());
        }
        Stmt.If f = (Stmt.If) s;
        List<Stmt.Branch> branches = new ArrayList<>();
        for (Stmt.Branch b : f.branches()) {
            branches.add(new Stmt.Branch(expr(b.cond()), statements(b.body())));
        }
        return new Stmt.If(branches, statements(f.otherwise()), f.span());
    }

    private List<Stmt.Declared> items(List<Stmt.Declared> items) {
        List<Stmt.Declared> out = new ArrayList<>();
        for (Stmt.Declared d : items) {
            out.add(new Stmt.Declared(rename.apply(d.name()), d.init() == null ? null : expr(d.init()), d.span(),
                    d.shape(), d.shapeSpan()));
        }
        return out;
    }

    private Expr expr(Expr e) {
        if (e instanceof Expr.Num) {
            return e;
        }
        if (e instanceof Expr.Name n) {
            return new Expr.Name(rename.apply(n.name()), n.span());
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(expr(a));
            }
            return new Expr.Call(c.function(), args, c.nameSpan(), c.span(), c.scope(), c.scopeSpan());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), expr(u.operand()), u.span());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.span());
        }
        Expr.Conditional c = (Expr.Conditional) e;
        return new Expr.Conditional(expr(c.cond()), expr(c.ifTrue()), expr(c.ifFalse()), c.span());
    }
}

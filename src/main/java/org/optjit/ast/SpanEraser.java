package org.optjit.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies an AST with every span replaced by {@link Span#NONE}, so that two trees can be
 * compared for shape alone (records compare component-wise), e.g. a tree and the tree of
 * its printed text.
 */
public final class SpanEraser {

    private SpanEraser() {
    }

    public static List<Stmt> erase(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>(statements.size());
        for (Stmt s : statements) {
            out.add(erase(s));
        }
        return out;
    }

    private static Stmt erase(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(a.target(), a.op(), erase(a.value()), Span.NONE);
        }
        if (s instanceof Stmt.HyperDecl h) {
            return new Stmt.HyperDecl(eraseItems(h.items()), Span.NONE);
        }
        if (s instanceof Stmt.StateDecl d) {
            return new Stmt.StateDecl(eraseItems(d.items()), Span.NONE);
        }
        if (s instanceof Stmt.Evaluate v) {
            return new Stmt.Evaluate(erase(v.value()), Span.NONE);
        }
        Stmt.If f = (Stmt.If) s;
        List<Stmt.Branch> branches = new ArrayList<>();
        for (Stmt.Branch b : f.branches()) {
            branches.add(new Stmt.Branch(erase(b.cond()), erase(b.body())));
        }
        return new Stmt.If(branches, erase(f.otherwise()), Span.NONE);
    }

    private static List<Stmt.Declared> eraseItems(List<Stmt.Declared> items) {
        List<Stmt.Declared> out = new ArrayList<>();
        for (Stmt.Declared d : items) {
            out.add(new Stmt.Declared(d.name(), d.init() == null ? null : erase(d.init()), Span.NONE, d.shape(),
                    d.shape() == null ? null : Span.NONE));
        }
        return out;
    }

    public static Expr erase(Expr e) {
        if (e instanceof Expr.Num n) {
            return new Expr.Num(n.value(), n.text(), Span.NONE);
        }
        if (e instanceof Expr.Name n) {
            return new Expr.Name(n.name(), Span.NONE);
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(erase(a));
            }
            return new Expr.Call(c.function(), args, Span.NONE, Span.NONE, c.scope(), c.scope() == null ? null : Span.NONE);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), erase(u.operand()), Span.NONE);
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), erase(b.left()), erase(b.right()), Span.NONE);
        }
        Expr.Conditional c = (Expr.Conditional) e;
        return new Expr.Conditional(erase(c.cond()), erase(c.ifTrue()), erase(c.ifFalse()), Span.NONE);
    }
}

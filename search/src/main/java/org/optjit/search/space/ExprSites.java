package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;

/**
 * The places where an expression stands in a rule, numbered in preorder (each assigned value
 * and every subexpression of it, conditions included), and rewriting one of them. Rules in
 * the search are small (a {@link SearchLimits} bound), so recursion depth is no concern.
 */
public final class ExprSites {

    private ExprSites() {
    }

    /** Every expression of the statements, in preorder. */
    public static List<Expr> list(List<Stmt> statements) {
        List<Expr> out = new ArrayList<>();
        for (Stmt s : statements) {
            collect(s, out);
        }
        return out;
    }

    private static void collect(Stmt s, List<Expr> out) {
        if (s instanceof Stmt.Assign a) {
            collect(a.value(), out);
        } else if (s instanceof Stmt.If f) {
            for (Stmt.Branch b : f.branches()) {
                collect(b.cond(), out);
                b.body().forEach(x -> collect(x, out));
            }
            f.otherwise().forEach(x -> collect(x, out));
        }
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        for (Expr child : children(e)) {
            collect(child, out);
        }
    }

    /** The direct subexpressions of {@code e}, in order. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Call c) {
            return c.args();
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Conditional c) {
            return List.of(c.cond(), c.ifTrue(), c.ifFalse());
        }
        return List.of();
    }

    /** Number of nodes of an expression. */
    public static int size(Expr e) {
        int n = 1;
        for (Expr child : children(e)) {
            n += size(child);
        }
        return n;
    }

    /** The statements with expression number {@code site} (as in {@link #list}) replaced by {@code f} of it. */
    public static List<Stmt> replace(List<Stmt> statements, int site, UnaryOperator<Expr> f) {
        Rewriter r = new Rewriter(site, f);
        return r.statements(statements);
    }

    private static final class Rewriter {
        private final int target;
        private final UnaryOperator<Expr> f;
        private int next;

        Rewriter(int target, UnaryOperator<Expr> f) {
            this.target = target;
            this.f = f;
        }

        List<Stmt> statements(List<Stmt> in) {
            List<Stmt> out = new ArrayList<>(in.size());
            for (Stmt s : in) {
                out.add(AstRebuild.mapStatement(s, this::expr, t -> t, this::statements));
            }
            return out;
        }

        Expr expr(Expr e) {
            if (next++ == target) {
                next += size(e) - 1;
                return f.apply(e);
            }
            return AstRebuild.mapChildren(e, this::expr);
        }
    }
}

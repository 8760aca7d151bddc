package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;

/**
 * Rebuilding AST nodes with changed parts, for the rewrites of the search (renaming,
 * replacing a subexpression). Children are mapped left to right, in preorder position order.
 */
final class AstRebuild {

    private AstRebuild() {
    }

    /** {@code e} with each direct subexpression replaced by {@code f} of it. */
    static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(f.apply(a));
            }
            return new Expr.Call(c.function(), args, c.nameSpan(), c.span(), c.scope(), c.scopeSpan());
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), f.apply(u.operand()), u.span());
        } else if (e instanceof Expr.Binary b) {
            Expr left = f.apply(b.left());
            return new Expr.Binary(b.op(), left, f.apply(b.right()), b.span());
        } else if (e instanceof Expr.Conditional c) {
            Expr cond = f.apply(c.cond());
            Expr yes = f.apply(c.ifTrue());
            return new Expr.Conditional(cond, yes, f.apply(c.ifFalse()), c.span());
        }
        return e;
    }

    /**
     * An assignment or {@code if} with its expressions mapped by {@code exprs}, its target by
     * {@code targets} and its nested bodies by {@code blocks}; other statements unchanged.
     */
    static Stmt mapStatement(Stmt s, UnaryOperator<Expr> exprs, UnaryOperator<String> targets,
                             UnaryOperator<List<Stmt>> blocks) {
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(targets.apply(a.target()), a.op(), exprs.apply(a.value()), a.span());
        } else if (s instanceof Stmt.If i) {
            List<Stmt.Branch> branches = new ArrayList<>();
            for (Stmt.Branch b : i.branches()) {
                Expr cond = exprs.apply(b.cond());
                branches.add(new Stmt.Branch(cond, blocks.apply(b.body())));
            }
            return new Stmt.If(branches, blocks.apply(i.otherwise()), i.span());
        }
        return s;
    }
}

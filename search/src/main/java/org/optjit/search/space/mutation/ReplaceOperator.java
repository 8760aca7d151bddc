package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;

/**
 * Replaces a binary operator with another of its kind ({@code +} with {@code *}, {@code <}
 * with {@code >=}, ...); a power keeps its exponent, which a constant mutation changes.
 */
public final class ReplaceOperator implements Mutation {

    @Override
    public String name() {
        return "replace-operator";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> sites = MutationContext.sites(rule, e -> e instanceof Expr.Binary b
                && b.op().kind() != BinaryOp.Kind.LOGIC);
        if (sites.isEmpty()) {
            return null;
        }
        return ExprSites.replace(rule, c.pick(sites), e -> {
            Expr.Binary b = (Expr.Binary) e;
            List<BinaryOp> ops = b.op().kind() == BinaryOp.Kind.ARITH ? c.exprs().vocabulary().arithmeticOperators()
                    : c.exprs().vocabulary().comparisonOperators();
            return new Expr.Binary(c.pick(ops), b.left(), b.right(), b.span());
        });
    }
}

package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;

/** Replaces a leaf (a name or a literal) with another random leaf. */
public final class ReplaceOperand implements Mutation {

    @Override
    public String name() {
        return "replace-operand";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> leaves = MutationContext.sites(rule, e -> e instanceof Expr.Name || e instanceof Expr.Num);
        if (leaves.isEmpty()) {
            return null;
        }
        List<String> names = MutationContext.assigned(rule);
        return ExprSites.replace(rule, c.pick(leaves), e -> c.exprs().operand(c.rng(), names));
    }
}

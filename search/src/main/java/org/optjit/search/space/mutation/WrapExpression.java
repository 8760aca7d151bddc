package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;

/** Wraps a random subexpression in a function: {@code sign(e)}, {@code sqrt(e)}, {@code clip(e, -c, c)}, ... */
public final class WrapExpression implements Mutation {

    @Override
    public String name() {
        return "wrap-expression";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        int sites = ExprSites.list(rule).size();
        if (sites == 0) {
            return null;
        }
        List<String> names = MutationContext.assigned(rule);
        return ExprSites.replace(rule, c.rng().nextInt(sites), e -> c.exprs().wrap(c.rng(), e, names));
    }
}

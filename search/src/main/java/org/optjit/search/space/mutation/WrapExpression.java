package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Stmt;

/** Wraps a random subexpression in a function: {@code sign(e)}, {@code sqrt(e)}, {@code clip(e, -c, c)}, ... */
public final class WrapExpression implements Mutation {

    @Override
    public String name() {
        return "wrap-expression";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<String> names = MutationContext.assigned(rule);
        return c.atAnySite(rule, e -> c.exprs().wrap(c.rng(), e, names));
    }
}

package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Stmt;

/**
 * Replaces a random subexpression {@code e} by a reduction of it over a random scope:
 * {@code norm[row](e)}, {@code max[all](e)}, {@code mean(e)}, ... (the statistics that
 * LARS, LAMB, NovoGrad and global-norm clipping divide by).
 */
public final class ReduceExpression implements Mutation {

    @Override
    public String name() {
        return "reduce-expression";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        return c.atAnySite(rule, e -> c.exprs().reduce(c.rng(), e, null));
    }
}

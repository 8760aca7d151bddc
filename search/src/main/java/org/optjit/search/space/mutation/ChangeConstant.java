package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;
import org.optjit.search.space.SearchForm;

/**
 * Changes a literal: halves or doubles it, moves a decay rate in (0, 1) a decade nearer to
 * or further from 1 (0.9 to 0.99, as between Adam's two betas), or draws a vocabulary
 * constant.
 */
public final class ChangeConstant implements Mutation {

    @Override
    public String name() {
        return "change-constant";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> sites = MutationContext.sites(rule, e -> e instanceof Expr.Num);
        if (sites.isEmpty()) {
            return null;
        }
        return ExprSites.replace(rule, c.pick(sites), e -> SearchForm.literal(changed(((Expr.Num) e).value(), c)));
    }

    private static double changed(double v, MutationContext c) {
        int how = c.rng().nextInt(4);
        if (how == 0) {
            return v * 2;
        }
        if (how == 1) {
            return v / 2;
        }
        if (how == 2 && v > 0 && v < 1) {
            double gap = 1 - v;
            return c.rng().nextBoolean() ? 1 - gap / 10 : Math.max(0, 1 - gap * 10);
        }
        return c.exprs().vocabulary().constant(c.rng().nextInt(c.exprs().vocabulary().constantCount()));
    }
}

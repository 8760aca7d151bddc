package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;
import org.optjit.search.space.RandomExprs;
import org.optjit.sema.Reduction;

/**
 * Changes a reduction: its scope ({@code norm(g)} to {@code norm[row](g)}, {@code [all]} to
 * {@code [col]}, or no scope) or its kind keeping the scope ({@code sum[row]} to
 * {@code max[row]}).
 */
public final class ChangeReduction implements Mutation {

    @Override
    public String name() {
        return "change-reduction";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> sites = MutationContext.sites(rule, e -> e instanceof Expr.Call call && Reduction.of(call) != null);
        if (sites.isEmpty()) {
            return null;
        }
        return ExprSites.replace(rule, c.pick(sites), e -> changed((Expr.Call) e, c));
    }

    private static Expr changed(Expr.Call call, MutationContext c) {
        Reduction kind = Reduction.of(call);
        String scope = call.scope();
        if (c.rng().nextBoolean()) {
            List<String> scopes = new ArrayList<>(c.exprs().vocabulary().scopes());
            if (kind.reducesWithoutScope()) {
                scopes.add(null);
            }
            scopes.remove(scope);
            scope = c.pick(scopes);
        } else {
            List<Reduction> kinds = new ArrayList<>(c.exprs().vocabulary().reductions());
            kinds.remove(kind);
            kind = c.pick(kinds);
            if (scope == null && !kind.reducesWithoutScope()) {
                scope = c.pick(c.exprs().vocabulary().scopes());
            }
        }
        return RandomExprs.reduction(kind.spelling(), call.args().get(0), scope);
    }
}

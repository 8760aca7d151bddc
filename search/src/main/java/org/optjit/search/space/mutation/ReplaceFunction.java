package org.optjit.search.space.mutation;

import java.util.List;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;

/**
 * Replaces a called function with another taking as many arguments ({@code sqrt} with
 * {@code sign}, {@code abs} with the reduction {@code norm}, ...).
 */
public final class ReplaceFunction implements Mutation {

    @Override
    public String name() {
        return "replace-function";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> sites = MutationContext.sites(rule, e -> e instanceof Expr.Call call
                && c.exprs().vocabulary().functionsOfArity(call.args().size()).size() > 1);
        if (sites.isEmpty()) {
            return null;
        }
        return ExprSites.replace(rule, c.pick(sites), e -> {
            Expr.Call call = (Expr.Call) e;
            String f = c.pick(c.exprs().vocabulary().functionsOfArity(call.args().size()));
            // a scope (sum[row](e)) belongs to the reduction it was written for
            return new Expr.Call(f, call.args(), call.nameSpan(), call.span());
        });
    }
}

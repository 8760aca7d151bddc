package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.Stmt;

/** Gives a random assignment a new random right-hand side, keeping its target and operator. */
public final class ReplaceStatement implements Mutation {

    @Override
    public String name() {
        return "replace-statement";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> at = MutationContext.assignments(rule);
        if (at.isEmpty()) {
            return null;
        }
        int i = c.pick(at);
        Stmt.Assign a = (Stmt.Assign) rule.get(i);
        List<Stmt> out = new ArrayList<>(rule);
        out.set(i, new Stmt.Assign(a.target(), a.op(), c.exprs().expr(c.rng(), MutationContext.assigned(rule), 3), a.span()));
        return out;
    }
}

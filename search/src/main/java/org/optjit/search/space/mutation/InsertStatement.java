package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.AssignOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * Inserts {@code x = e} at a random place, where {@code x} is the gradient (a local
 * rewrite such as {@code g = clip(g, -1, 1)}) or a variable the rule already has, and
 * {@code e} a random expression that usually reads {@code x}.
 */
public final class InsertStatement implements Mutation {

    @Override
    public String name() {
        return "insert-statement";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<String> names = MutationContext.assigned(rule);
        List<String> targets = new ArrayList<>(names);
        targets.add("g");
        String target = c.pick(targets);
        Expr self = new Expr.Name(target, Span.NONE);
        Expr value = c.rng().nextDouble() < 0.7 ? c.exprs().wrap(c.rng(), self, names)
                : c.exprs().expr(c.rng(), names, 2);
        List<Stmt> out = new ArrayList<>(rule);
        out.add(c.rng().nextInt(rule.size() + 1), new Stmt.Assign(target, AssignOp.SET, value, Span.NONE));
        return out;
    }
}

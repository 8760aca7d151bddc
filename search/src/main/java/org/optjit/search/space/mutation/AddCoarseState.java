package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * Adds a coarse state: {@code state s: C} (one value per tensor, row, column or step) and a
 * moving average of a reduction along the same scope, {@code s = b*s + (1 - b)*r[C](x)}, read
 * once after it. NovoGrad's per-tensor second moment (Ginsburg et al. 2019) and Adafactor's
 * row and column moments (Shazeer and Stern 2018) are of this form.
 */
public final class AddCoarseState implements Mutation {

    @Override
    public String name() {
        return "add-coarse-state";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<String> names = MutationContext.assigned(rule);
        String shape = c.pick(c.exprs().vocabulary().stateClasses());
        Expr x = c.rng().nextBoolean() ? c.exprs().operand(c.rng(), names) : c.exprs().expr(c.rng(), names, 1);
        // a declared class and the scope of a reduction are spelt alike (tensor, row, col, all)
        List<Stmt> out = AddState.withAverage(rule, c, c.exprs().reduce(c.rng(), x, shape));
        if (out == null) {
            return null;
        }
        List<Stmt> declared = new ArrayList<>(out.size() + 1);
        declared.add(declaration(AddState.NEW, shape));
        declared.addAll(out);
        return declared;
    }

    /** {@code state name: shape}. */
    public static Stmt declaration(String name, String shape) {
        return new Stmt.StateDecl(List.of(new Stmt.Declared(name, null, Span.NONE, shape, Span.NONE)), Span.NONE);
    }
}

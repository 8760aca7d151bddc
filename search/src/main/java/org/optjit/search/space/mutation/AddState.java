package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.AssignOp;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;
import org.optjit.search.space.SearchForm;
import org.optjit.search.space.Vocabulary;

/**
 * Adds a state variable as an exponential moving average, {@code s = b*s + (1 - b)*x} (the
 * form of every moment in Adam, RMSProp and Lion), of a random expression {@code x}, and
 * makes one read after it use the new state.
 */
public final class AddState implements Mutation {

    private static final double[] DECAYS = {0.9, 0.99, 0.999};
    /** The new state's name until the canonical form numbers it. */
    static final String NEW = Vocabulary.STATE_PREFIX + "new";

    /** {@code state = b*state + (1 - b)*x}'s right-hand side. */
    public static Expr ema(String state, double b, Expr x) {
        return new Expr.Binary(BinaryOp.ADD,
                new Expr.Binary(BinaryOp.MUL, SearchForm.literal(b), new Expr.Name(state, Span.NONE), Span.NONE),
                new Expr.Binary(BinaryOp.MUL, SearchForm.literal(1 - b), x, Span.NONE), Span.NONE);
    }

    /** A decay rate as the published moving averages use. */
    public static double decay(java.util.random.RandomGenerator rng) {
        return DECAYS[rng.nextInt(DECAYS.length)];
    }

    @Override
    public String name() {
        return "add-state";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<String> names = MutationContext.assigned(rule);
        Expr x = c.rng().nextBoolean() ? c.exprs().operand(c.rng(), names) : c.exprs().expr(c.rng(), names, 2);
        return withAverage(rule, c, x);
    }

    /**
     * The rule with {@code NEW = b*NEW + (1 - b)*x} inserted at a random place and one read
     * after it turned into a read of {@code NEW}; null when no read follows. {@code NEW} is
     * {@link #NEW}, which the canonical form renames.
     */
    static List<Stmt> withAverage(List<Stmt> rule, MutationContext c, Expr x) {
        Expr ema = ema(NEW, decay(c.rng()), x);
        int at = c.rng().nextInt(rule.size() + 1);
        List<Stmt> before = new ArrayList<>(rule.subList(0, at));
        before.add(new Stmt.Assign(NEW, AssignOp.SET, ema, Span.NONE));
        List<Stmt> after = rule.subList(at, rule.size());
        List<Integer> reads = MutationContext.sites(after, e -> e instanceof Expr.Name);
        if (reads.isEmpty()) {
            return null;
        }
        before.addAll(ExprSites.replace(after, c.pick(reads), e -> new Expr.Name(NEW, Span.NONE)));
        return before;
    }
}

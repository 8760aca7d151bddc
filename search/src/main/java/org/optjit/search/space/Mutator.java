package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.optjit.ast.AssignOp;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.search.space.mutation.AddCoarseState;
import org.optjit.search.space.mutation.AddState;
import org.optjit.search.space.mutation.ChangeConstant;
import org.optjit.search.space.mutation.ChangeReduction;
import org.optjit.search.space.mutation.DeleteStatement;
import org.optjit.search.space.mutation.InsertStatement;
import org.optjit.search.space.mutation.Mutation;
import org.optjit.search.space.mutation.MutationContext;
import org.optjit.search.space.mutation.ReplaceFunction;
import org.optjit.search.space.mutation.ReplaceOperand;
import org.optjit.search.space.mutation.ReplaceOperator;
import org.optjit.search.space.mutation.ReduceExpression;
import org.optjit.search.space.mutation.ReplaceStatement;
import org.optjit.search.space.mutation.WrapExpression;

/**
 * Applies one of the mutations, drawn uniformly; a mutation that does not apply to the rule
 * (no constant to change, ...) gives way to another draw. The child comes back canonical.
 */
public final class Mutator {

    /** A child and the operator that made it. */
    public record Child(List<Stmt> statements, String operator) {
    }

    private static final int DRAWS = 8;
    /** The share of a random rule's moving averages that are coarse states. */
    private static final double COARSE_STATES = 0.25;

    private final List<Mutation> mutations = List.of(new InsertStatement(), new DeleteStatement(),
            new ReplaceStatement(), new ReplaceOperand(), new ReplaceOperator(), new ReplaceFunction(),
            new ChangeConstant(), new AddState(), new WrapExpression(), new ReduceExpression(),
            new ChangeReduction(), new AddCoarseState());
    private final RandomExprs exprs;

    public Mutator(Vocabulary vocabulary) {
        this.exprs = new RandomExprs(vocabulary);
    }

    public List<Mutation> mutations() {
        return mutations;
    }

    public RandomExprs exprs() {
        return exprs;
    }

    /** A mutated child of {@code parent}, or the parent itself if nothing applied (the checker then drops it as a duplicate). */
    public Child mutate(List<Stmt> parent, RandomGenerator rng) {
        MutationContext c = new MutationContext(rng, exprs);
        for (int i = 0; i < DRAWS; i++) {
            Mutation m = mutations.get(rng.nextInt(mutations.size()));
            List<Stmt> child = m.apply(parent, c);
            if (child != null) {
                return new Child(SearchForm.canonical(child), m.name());
            }
        }
        return new Child(parent, "none");
    }

    /** A child of two parents, then mutated with probability one half. */
    public Child cross(List<Stmt> a, List<Stmt> b, RandomGenerator rng) {
        List<Stmt> child = SearchForm.canonical(Crossover.of(a, b, rng));
        if (rng.nextBoolean()) {
            Child m = mutate(child, rng);
            return new Child(m.statements(), "crossover+" + m.operator());
        }
        return new Child(child, "crossover");
    }

    /**
     * A random rule: up to two moving averages of random expressions, then
     * {@code w -= lr * e} with {@code e} a random expression over them. An average is now
     * and then a coarse state ({@code state s: row}) of a reduction along its class.
     */
    public Child random(RandomGenerator rng) {
        List<Stmt> rule = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int states = rng.nextInt(3);
        for (int i = 0; i < states; i++) {
            String s = Vocabulary.STATE_PREFIX + i;
            Expr x;
            if (rng.nextDouble() < COARSE_STATES) {
                List<String> classes = exprs.vocabulary().stateClasses();
                String shape = classes.get(rng.nextInt(classes.size()));
                rule.add(AddCoarseState.declaration(s, shape));
                x = exprs.reduce(rng, exprs.expr(rng, names, 1), shape);
            } else {
                x = exprs.expr(rng, names, 2);
            }
            rule.add(new Stmt.Assign(s, AssignOp.SET, AddState.ema(s, AddState.decay(rng), x), Span.NONE));
            names.add(s);
        }
        Expr step = new Expr.Binary(BinaryOp.MUL, new Expr.Name(Vocabulary.LR, Span.NONE), exprs.expr(rng, names, 3), Span.NONE);
        rule.add(new Stmt.Assign("w", AssignOp.SUB, step, Span.NONE));
        return new Child(SearchForm.canonical(rule), "random");
    }
}

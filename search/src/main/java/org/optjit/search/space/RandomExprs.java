package org.optjit.search.space;

import java.util.List;
import java.util.random.RandomGenerator;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.UnaryOp;
import org.optjit.sema.Reduction;

/**
 * Random expressions over a rule's names, for new statements and replaced operands. The
 * gradient is the likeliest leaf, then the rule's own variables; constants come from the
 * {@link Vocabulary}. Expressions may reduce ({@code norm[row](g)}, {@code max[all](...)})
 * and read shape values ({@code ndim}), as rules over tensors do. Every choice is drawn from the given generator, so a seed decides all.
 */
public final class RandomExprs {

    /** How often a reduction that may go without a scope is given one. */
    private static final double SCOPED = 0.75;

    private final Vocabulary vocabulary;

    public RandomExprs(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A leaf: {@code g}, one of {@code names}, {@code w}, {@code t}, a shape value ({@code rows}, ...) or a constant. */
    public Expr operand(RandomGenerator rng, List<String> names) {
        double u = rng.nextDouble();
        if (u < 0.4 || (names.isEmpty() && u < 0.6)) {
            return name("g");
        }
        if (u < 0.6 && !names.isEmpty()) {
            return name(names.get(rng.nextInt(names.size())));
        }
        if (u < 0.68) {
            return name("w");
        }
        if (u < 0.7) {
            return name("t");
        }
        if (u < 0.73) {
            List<String> shapes = vocabulary.shapeValues();
            return name(shapes.get(rng.nextInt(shapes.size())));
        }
        return constant(rng);
    }

    public Expr constant(RandomGenerator rng) {
        return SearchForm.literal(vocabulary.constant(rng.nextInt(vocabulary.constantCount())));
    }

    /** A random expression at most {@code depth} operations deep. */
    public Expr expr(RandomGenerator rng, List<String> names, int depth) {
        if (depth <= 0 || rng.nextDouble() < 0.3) {
            return operand(rng, names);
        }
        double u = rng.nextDouble();
        if (u < 0.45) {
            List<BinaryOp> ops = vocabulary.arithmeticOperators();
            BinaryOp op = ops.get(rng.nextInt(ops.size()));
            if (op == BinaryOp.POW) {
                // small integer or half powers, as the published rules use (g^2, v^0.5)
                return new Expr.Binary(op, expr(rng, names, depth - 1),
                        SearchForm.literal(rng.nextBoolean() ? 2 : 0.5), Span.NONE);
            }
            return new Expr.Binary(op, expr(rng, names, depth - 1), expr(rng, names, depth - 1), Span.NONE);
        }
        if (u < 0.7) {
            return wrap(rng, expr(rng, names, depth - 1), names);
        }
        if (u < 0.8) {
            return reduce(rng, expr(rng, names, depth - 1), null);
        }
        if (u < 0.88) {
            List<String> fs = vocabulary.binaryFunctions();
            return call(fs.get(rng.nextInt(fs.size())), List.of(expr(rng, names, depth - 1), expr(rng, names, depth - 1)));
        }
        if (u < 0.94) {
            return new Expr.Unary(UnaryOp.NEG, expr(rng, names, depth - 1), Span.NONE);
        }
        List<BinaryOp> cmp = vocabulary.comparisonOperators();
        Expr cond = new Expr.Binary(cmp.get(rng.nextInt(cmp.size())), operand(rng, names), operand(rng, names), Span.NONE);
        return new Expr.Conditional(cond, expr(rng, names, depth - 1), expr(rng, names, depth - 1), Span.NONE);
    }

    /**
     * {@code e} inside a random function of one argument ({@code sign(e)}, {@code sqrt(e)},
     * ...) or of three ({@code clip(e, -c, c)}).
     */
    public Expr wrap(RandomGenerator rng, Expr e, List<String> names) {
        List<String> unary = vocabulary.unaryFunctions();
        List<String> ternary = vocabulary.ternaryFunctions();
        if (ternary.isEmpty() || rng.nextDouble() < 0.85) {
            return call(unary.get(rng.nextInt(unary.size())), List.of(e));
        }
        Expr bound = constant(rng);
        return call(ternary.get(rng.nextInt(ternary.size())),
                List.of(e, new Expr.Unary(UnaryOp.NEG, bound, Span.NONE), bound));
    }

    /**
     * {@code e} reduced by a random reduction: along {@code scope} when it is given (a
     * moving average of a per-row statistic, say), else along a random scope, or none for
     * the reductions that have a default ({@code norm(e)} is {@code norm[tensor](e)}).
     */
    public Expr reduce(RandomGenerator rng, Expr e, String scope) {
        List<Reduction> kinds = vocabulary.reductions();
        Reduction r = kinds.get(rng.nextInt(kinds.size()));
        String s = scope;
        if (s == null && (!r.reducesWithoutScope() || rng.nextDouble() < SCOPED)) {
            List<String> scopes = vocabulary.scopes();
            s = scopes.get(rng.nextInt(scopes.size()));
        }
        return reduction(r.spelling(), e, s);
    }

    /** {@code kind[scope](e)}, or {@code kind(e)} when {@code scope} is null. */
    public static Expr reduction(String kind, Expr e, String scope) {
        return new Expr.Call(kind, List.of(e), Span.NONE, Span.NONE, scope, scope == null ? null : Span.NONE);
    }

    static Expr name(String n) {
        return new Expr.Name(n, Span.NONE);
    }

    static Expr call(String function, List<Expr> args) {
        return new Expr.Call(function, args, Span.NONE, Span.NONE);
    }
}

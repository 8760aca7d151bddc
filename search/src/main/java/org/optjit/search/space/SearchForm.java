package org.optjit.search.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.Renaming;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.syntax.RuleParser;

/**
 * The form every candidate of the search takes: one hyperparameter, {@code lr}, which the
 * learning-rate grid sets (as the Lion search tuned each candidate's rate: Chen et al. 2023,
 * section 2), and every other constant a literal that mutations may change. Assigned names
 * are canonical: {@code s0, s1, ...} for names read before they are first assigned (state),
 * {@code u0, u1, ...} for the others, numbered in order of appearance, so that rules that
 * differ only in their names print alike.
 */
public final class SearchForm {

    private SearchForm() {
    }

    /**
     * A user's rule in search form: its learning rate ({@code lr}, or {@code eps} when it has
     * no {@code lr}: the trainer's convention) becomes {@code lr}; every other hyperparameter
     * becomes the literal of its default.
     *
     * @throws RuleException when the rule is invalid or a hyperparameter other than the
     *     learning rate has no default
     */
    public static List<Stmt> of(String source, String fileName) {
        Rule rule = Rule.parse(source, fileName);
        Map<String, Double> defaults = new LinkedHashMap<>();
        String rate = null;
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            if (h.name().equals("lr") || (h.name().equals("eps") && rate == null)) {
                rate = h.name();
            }
        }
        List<String> missing = new ArrayList<>();
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            if (h.name().equals(rate)) {
                continue;
            }
            if (h.defaultValue().isPresent()) {
                defaults.put(h.name(), h.defaultValue().getAsDouble());
            } else {
                missing.add(h.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleException(fileName + ": the search needs a default for every hyperparameter but the "
                    + "learning rate (lr, or eps); none for: " + String.join(", ", missing));
        }
        String lrName = rate;
        List<Stmt> body = new ArrayList<>();
        for (Stmt s : RuleParser.parse(source, fileName).statements()) {
            if (!(s instanceof Stmt.HyperDecl)) {
                body.add(s);
            }
        }
        return canonical(substitute(body, n -> {
            if (n.name().equals(lrName)) {
                return new Expr.Name(Vocabulary.LR, Span.NONE);
            }
            Double v = defaults.get(n.name());
            return v == null ? n : literal(v);
        }));
    }

    /** A literal node for {@code v}, printed as the language writes it. */
    public static Expr literal(double v) {
        if (v < 0) {
            return new Expr.Unary(org.optjit.ast.UnaryOp.NEG, literal(-v), Span.NONE);
        }
        // 12 significant digits: 1 - 0.9 prints as 0.1, not 0.09999999999999998
        double r = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
        return new Expr.Num(r, AstPrinter.number(r), Span.NONE);
    }

    /** The statements with their assigned names made canonical (s0.., u0..). */
    public static List<Stmt> canonical(List<Stmt> statements) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> read = new HashSet<>();
        int[] counts = new int[2];
        scan(statements, names, read, counts);
        return Renaming.apply(statements, t -> names.getOrDefault(t, t));
    }

    /**
     * The statements with every read of a name replaced by {@code f} of it (assignments,
     * conditions and the initial values of declared states: Prodigy's {@code state d: all = d0}).
     */
    private static List<Stmt> substitute(List<Stmt> statements, java.util.function.Function<Expr.Name, Expr> f) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (s instanceof Stmt.StateDecl d) {
                List<Stmt.Declared> items = new ArrayList<>();
                for (Stmt.Declared x : d.items()) {
                    items.add(new Stmt.Declared(x.name(), x.init() == null ? null : substitute(x.init(), f), x.span(),
                            x.shape(), x.shapeSpan()));
                }
                out.add(new Stmt.StateDecl(items, d.span()));
            } else {
                out.add(AstRebuild.mapStatement(s, e -> substitute(e, f), t -> t, b -> substitute(b, f)));
            }
        }
        return out;
    }

    private static Expr substitute(Expr e, java.util.function.Function<Expr.Name, Expr> f) {
        return e instanceof Expr.Name n ? f.apply(n) : AstRebuild.mapChildren(e, x -> substitute(x, f));
    }

    private static void scan(List<Stmt> statements, Map<String, String> names, Set<String> read, int[] counts) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                Reads.forEach(a.value(), n -> read.add(n.name()));
                if (a.op() != org.optjit.ast.AssignOp.SET) {
                    read.add(a.target());
                }
                name(a.target(), read.contains(a.target()), names, counts);
            } else if (s instanceof Stmt.If f) {
                for (Stmt.Branch b : f.branches()) {
                    Reads.forEach(b.cond(), n -> read.add(n.name()));
                    scan(b.body(), names, read, counts);
                }
                scan(f.otherwise(), names, read, counts);
            } else if (s instanceof Stmt.StateDecl d) {
                for (Stmt.Declared x : d.items()) {
                    name(x.name(), true, names, counts);
                }
            }
        }
    }

    private static void name(String target, boolean state, Map<String, String> names, int[] counts) {
        if (names.containsKey(target) || isFixed(target)) {
            return;
        }
        names.put(target, state ? Vocabulary.STATE_PREFIX + counts[0]++ : Vocabulary.TEMP_PREFIX + counts[1]++);
    }

    /** Names never renamed: the built-ins and the learning rate. */
    static boolean isFixed(String name) {
        return name.equals("w") || name.equals("g") || name.equals("t") || name.equals(Vocabulary.LR);
    }
}

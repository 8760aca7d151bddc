package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;
import org.optjit.search.space.RandomExprs;

/** What a mutation draws from: the random generator and the random expressions. */
public record MutationContext(RandomGenerator rng, RandomExprs exprs) {

    public <T> T pick(List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    /** The names the rule assigns (other than {@code w} and {@code g}), in order of appearance. */
    public static List<String> assigned(List<Stmt> rule) {
        Set<String> out = new LinkedHashSet<>();
        collect(rule, out);
        out.remove("w");
        out.remove("g");
        return new ArrayList<>(out);
    }

    private static void collect(List<Stmt> rule, Set<String> out) {
        for (Stmt s : rule) {
            if (s instanceof Stmt.Assign a) {
                out.add(a.target());
            } else if (s instanceof Stmt.If f) {
                f.branches().forEach(b -> collect(b.body(), out));
                collect(f.otherwise(), out);
            } else if (s instanceof Stmt.StateDecl d) {
                d.items().forEach(x -> out.add(x.name()));
            }
        }
    }

    /** Indices (as in {@link ExprSites#list}) of the expressions that satisfy {@code p}. */
    public static List<Integer> sites(List<Stmt> rule, Predicate<Expr> p) {
        List<Expr> all = ExprSites.list(rule);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The rule with a random one of its expressions {@code e} (any subexpression) replaced by
     * {@code f} of it, or null when it has none.
     */
    public List<Stmt> atAnySite(List<Stmt> rule, java.util.function.UnaryOperator<Expr> f) {
        int sites = ExprSites.list(rule).size();
        if (sites == 0) {
            return null;
        }
        return ExprSites.replace(rule, rng.nextInt(sites), f);
    }

    /** Indices of the top-level assignments. */
    public static List<Integer> assignments(List<Stmt> rule) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rule.size(); i++) {
            if (rule.get(i) instanceof Stmt.Assign) {
                out.add(i);
            }
        }
        return out;
    }
}

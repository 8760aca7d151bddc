package org.optjit.sema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.optjit.Diagnostic;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * Warnings about valid rules that probably do not say what their author meant: the
 * mistakes that cost a day because the language accepts them. Runs after analysis, on the
 * AST and the inferred roles; never changes what a rule means.
 *
 * <ul>
 *   <li>a name read as an undeclared hyperparameter in a file that declares its
 *       hyperparameters ({@code betta2} beside {@code beta2}): a typo;</li>
 *   <li>a near miss of a built-in ({@code G}, {@code T}) read as a hyperparameter;</li>
 *   <li>a declared hyperparameter or state that is never read;</li>
 *   <li>a name assigned whose value never reaches {@code w};</li>
 *   <li>a function's name, or another language's keyword, used as a name.</li>
 * </ul>
 */
public final class Lint {

    /** Words that are keywords elsewhere and read as mistakes here. */
    private static final Set<String> FOREIGN_KEYWORDS = Set.of("true", "false", "and", "or", "not", "return", "let",
            "var", "def", "lambda", "for", "while", "elif", "then", "end", "in", "is");

    private Lint() {
    }

    /** Every warning, in source order. */
    public static List<Diagnostic> warnings(Analysis analysis) {
        SourceFile source = analysis.rule().source();
        List<Stmt> statements = analysis.rule().statements();
        NameUses uses = NameUses.of(statements);
        List<Diagnostic> out = new ArrayList<>();
        Set<String> known = analysis.roles().keySet();
        for (Map.Entry<String, Role> e : analysis.roles().entrySet()) {
            String name = e.getKey();
            Role role = e.getValue();
            Span read = uses.firstRead(name);
            if (role == Role.HYPER && !analysis.hypers().containsKey(name)) {
                String builtin = nearBuiltin(name);
                if (builtin != null) {
                    out.add(source.error(read, "'" + name + "' is read as a hyperparameter; did you mean '"
                            + builtin + "' (" + Role.builtin(builtin).describe() + ")?"));
                } else if (!analysis.hypers().isEmpty()) {
                    List<String> others = known.stream().filter(n -> !n.equals(name)).toList();
                    out.add(source.error(read, "'" + name + "' is read as a hyperparameter, but the file declares"
                            + " its hyperparameters and not this one" + orElse(Names.didYouMean(name, others),
                            "; declare it with 'hyper " + name + "'")));
                }
            }
            if (analysis.hypers().containsKey(name) && read == null) {
                out.add(source.error(analysis.hypers().get(name).span(), "hyperparameter '" + name
                        + "' is declared but never read"));
            }
            if (analysis.states().containsKey(name) && read == null) {
                out.add(source.error(analysis.states().get(name).span(), "state '" + name
                        + "' is declared but never read"));
            }
            if (Function.named(name) != null || FOREIGN_KEYWORDS.contains(name)) {
                Span at = read != null ? read : uses.assigns().get(name).get(0);
                out.add(source.error(at, "'" + name + "' is " + (Function.named(name) != null
                        ? "the name of a function" : "a keyword in other languages") + " but is used here as a name"
                        + ("true".equals(name) || "false".equals(name) ? "; conditions are comparisons, e.g. 'g > 0'" : "")));
            }
        }
        Set<String> live = live(statements);
        for (Map.Entry<String, List<Span>> a : uses.assigns().entrySet()) {
            String name = a.getKey();
            if (Role.builtin(name) != null || live.contains(name)) {
                continue;
            }
            if (analysis.states().containsKey(name) && !uses.reads().containsKey(name)) {
                continue; // reported above as declared and never read
            }
            out.add(source.error(a.getValue().get(0), !uses.reads().containsKey(name)
                    ? "'" + name + "' is assigned but never read"
                    : "'" + name + "' is computed but never affects 'w'"));
        }
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }

    /**
     * The error for a rule that never assigns {@code w}, at the assignment of a near miss
     * ({@code W -= lr*g}) with "did you mean 'w'" when there is one.
     */
    static Diagnostic neverAssignsW(org.optjit.ast.RuleAst rule) {
        List<Stmt> statements = rule.statements();
        if (statements.isEmpty()) {
            return rule.source().error(new Span(1, 1, 1), "the rule is empty; a rule must assign 'w', e.g. 'w -= eps * g'");
        }
        for (Map.Entry<String, List<Span>> a : NameUses.of(statements).assigns().entrySet()) {
            if ("w".equals(nearBuiltin(a.getKey()))) {
                return rule.source().error(a.getValue().get(0), "the rule never assigns 'w', so it would not change"
                        + " the weights; did you mean 'w' (the weight) instead of '" + a.getKey() + "'?");
            }
        }
        return rule.source().error(new Span(1, 1, 1), "the rule never assigns 'w', so it would not change the weights");
    }

    private static String orElse(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }

    /** {@code W} for {@code w}, {@code G} or {@code gg} for {@code g}: a built-in mistyped. */
    static String nearBuiltin(String name) {
        for (String b : List.of("w", "g", "t")) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(b) || lower.equals(b + b) || (name.length() == 2 && lower.charAt(0) == b.charAt(0)
                    && (name.charAt(1) == '_' || Character.isDigit(name.charAt(1))))) {
                return b;
            }
        }
        return null;
    }

    /** The names whose values reach an assignment of {@code w}, through values and conditions. */
    private static Set<String> live(List<Stmt> statements) {
        List<String> targets = new ArrayList<>();
        List<Set<String>> sources = new ArrayList<>();
        collect(statements, new ArrayDeque<>(), targets, sources);
        Set<String> live = new HashSet<>(Set.of("w"));
        if (!targets.contains("w")) {
            live.add("g"); // a transform: what it computes affects the gradient the next rule reads
        }
        for (Stmt s : statements) {
            if (s instanceof Stmt.Evaluate e) {
                Reads.forEach(e.value(), n -> live.add(n.name())); // the evaluation weights count too
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < targets.size(); i++) {
                if (live.contains(targets.get(i)) && live.addAll(sources.get(i))) {
                    changed = true;
                }
            }
        }
        return live;
    }

    private static void collect(List<Stmt> statements, Deque<Expr> conditions, List<String> targets,
                                List<Set<String>> sources) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                Set<String> read = new LinkedHashSet<>();
                Reads.forEach(a.value(), n -> read.add(n.name()));
                conditions.forEach(c -> Reads.forEach(c, n -> read.add(n.name())));
                targets.add(a.target());
                sources.add(read);
            } else if (s instanceof Stmt.If f) {
                int pushed = 0;
                for (Stmt.Branch b : f.branches()) {
                    conditions.push(b.cond());
                    pushed++;
                    collect(b.body(), conditions, targets, sources);
                }
                collect(f.otherwise(), conditions, targets, sources);
                for (int i = 0; i < pushed; i++) {
                    conditions.pop();
                }
            }
        }
    }
}

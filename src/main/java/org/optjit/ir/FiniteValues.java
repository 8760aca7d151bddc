package org.optjit.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.optjit.Diagnostic;
import org.optjit.RuleException;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Stmt;
import org.optjit.sema.Analysis;

/**
 * Numbers a rule fixes must be finite: a literal that overflows a double ({@code 1e400})
 * and a hyperparameter default that folds to an infinity or NaN ({@code 1/0},
 * {@code sqrt(-1)}) are errors at their place in the source, not a divergence at step 1.
 */
public final class FiniteValues {

    private FiniteValues() {
    }

    /** @throws RuleException locating every non-finite literal and default */
    public static void check(Analysis analysis, Program program) {
        SourceFile source = analysis.rule().source();
        List<Diagnostic> errors = new ArrayList<>();
        Deque<Stmt> work = new ArrayDeque<>(analysis.rule().statements());
        List<Expr> roots = new ArrayList<>();
        while (!work.isEmpty()) {
            Stmt st = work.pop();
            if (st instanceof Stmt.Assign a) {
                roots.add(a.value());
            } else if (st instanceof Stmt.If i) {
                i.branches().forEach(b -> {
                    roots.add(b.cond());
                    work.addAll(b.body());
                });
                work.addAll(i.otherwise());
            } else if (st instanceof Stmt.HyperDecl h) {
                h.items().stream().filter(d -> d.init() != null).forEach(d -> roots.add(d.init()));
            } else if (st instanceof Stmt.StateDecl d) {
                d.items().stream().filter(item -> item.init() != null).forEach(item -> roots.add(item.init()));
            }
        }
        for (Expr root : roots) {
            Reads.forEachNode(root, e -> {
                if (e instanceof Expr.Num n && !Double.isFinite(n.value())) {
                    errors.add(source.error(n.span(), "the number " + n.text() + " is too large for a double"
                            + " (at most about 1.8e308)"));
                }
            });
        }
        if (errors.isEmpty()) {
            for (Hyper h : program.hypers()) {
                if (h.hasDefault() && !Double.isFinite(h.defaultValue())) {
                    Stmt.Declared d = analysis.hypers().get(h.name());
                    errors.add(source.error(d.init().span(), "the default of hyperparameter '" + h.name() + "' is "
                            + h.defaultValue() + "; a hyperparameter must be a finite number"));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            throw new RuleException(errors);
        }
    }

    /** A message for a value given at run time ({@code bind}, {@code set}), or null when it is finite. */
    public static String problem(String name, double value) {
        return Double.isFinite(value) ? null
                : "hyperparameter '" + name + "' = " + value + ": a hyperparameter must be a finite number";
    }
}

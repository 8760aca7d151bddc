package org.optjit.sema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.Diagnostic;
import org.optjit.RuleException;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.RuleAst;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * The analysis stage: checks a parsed rule and infers the role of every name
 * (docs/language.md, "Roles"). All problems are collected and reported together.
 *
 * <ol>
 *   <li>{@link Checker}: declarations, assignments, calls and types;</li>
 *   <li>{@link StateInference}: assigned names that may be read before assignment are
 *       state;</li>
 *   <li>names read but never assigned (and not built in) are hyperparameters;</li>
 *   <li>{@link StepScalars}: the remaining assigned names are step scalars or
 *       temporaries;</li>
 *   <li>state initialisers may read only literals, hyperparameters and {@code w}; the rule
 *       must assign {@code w}.</li>
 * </ol>
 */
public final class Analyzer {

    private Analyzer() {
    }

    /** @throws RuleException with every problem found, in source order */
    public static Analysis analyze(RuleAst rule) {
        List<Stmt> statements = rule.statements();
        List<Diagnostic> errors = new ArrayList<>();
        Set<String> assigned = Checker.assignedNames(statements);
        Checker checker = new Checker(rule.source(), errors, assigned);
        checker.declarations(statements);
        checker.statements(statements, true);

        Set<String> candidates = new HashSet<>(assigned);
        candidates.removeIf(n -> Role.builtin(n) != null || checker.hypers.containsKey(n)
                || checker.states.containsKey(n));
        Set<String> inferredStates = StateInference.states(statements, candidates);

        Map<String, Role> roles = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        for (String name : checker.appearance) {
            Role builtin = Role.builtin(name);
            if (builtin != null) {
                roles.put(name, builtin);
            } else if (checker.hypers.containsKey(name)) {
                roles.put(name, Role.HYPER);
            } else if (checker.states.containsKey(name) || inferredStates.contains(name)) {
                roles.put(name, Role.STATE);
            } else if (assigned.contains(name)) {
                roles.put(name, null); // keeps its place in the order; decided below
                pending.add(name);
            } else {
                roles.put(name, Role.HYPER);
            }
        }
        Set<String> perWeight = StepScalars.perWeight(statements, roles);
        for (String name : pending) {
            roles.put(name, perWeight.contains(name) ? Role.TEMPORARY : Role.STEP_SCALAR);
        }

        Map<String, Shape> shapes = Shapes.infer(rule.source(), statements, roles, checker.states, errors);
        for (Stmt.Declared d : checker.states.values()) {
            if (d.init() != null) {
                checkInitial(rule, d, roles, shapes.get(d.name()), errors);
            }
        }
        if (checker.evaluate != null) {
            checkEvaluate(rule, checker.evaluate, roles, shapes, errors);
        }
        if (!assigned.contains("w") && !assigned.contains("g")) {
            errors.add(Lint.neverAssignsW(rule));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            throw new RuleException(errors);
        }
        return new Analysis(rule, roles, checker.hypers, checker.states, shapes, checker.evaluate);
    }

    /** {@code evaluate e} is read after the step, from the weights and the state. */
    private static void checkEvaluate(RuleAst rule, Stmt.Evaluate e, Map<String, Role> roles, Map<String, Shape> shapes,
                                      List<Diagnostic> errors) {
        Reads.forEach(e.value(), (Expr.Name n) -> {
            Role r = roles.get(n.name());
            if (r == Role.SHAPE || (r == Role.STATE && shapes.get(n.name()) != Shape.WEIGHT)) {
                errors.add(rule.source().error(n.span(), "'evaluate' reads '" + n.name() + "', which is not per weight;"
                        + " it may use only 'w', per-weight states, hyperparameters and constants"));
            } else if (r == Role.GRADIENT || r == Role.TEMPORARY || r == Role.STEP_SCALAR) {
                errors.add(rule.source().error(n.span(), "'evaluate' reads '" + n.name() + "' (" + r.describe()
                        + "); it is read after the step and may use only 'w', states, hyperparameters and constants"));
            }
        });
        Reads.forEachNode(e.value(), node -> {
            if (node instanceof Expr.Call c && (Reduction.of(c) != null || Function.named(c.function()) == Function.ORTH)) {
                errors.add(rule.source().error(c.nameSpan(), "'evaluate' cannot use '" + c.function()
                        + "': it is computed weight by weight after the step"));
            }
        });
    }

    private static void checkInitial(RuleAst rule, Stmt.Declared d, Map<String, Role> roles, Shape shape,
                                     List<Diagnostic> errors) {
        Reads.forEach(d.init(), (Expr.Name n) -> {
            Role r = roles.get(n.name());
            if (r == Role.WEIGHT && shape != Shape.WEIGHT) {
                errors.add(rule.source().error(n.span(), "the initial value of state '" + d.name() + "' reads 'w', but the"
                        + " state is " + shape.describe() + "; only a per-weight state can start from the weights"));
                return;
            }
            if (r == Role.HYPER || r == Role.WEIGHT || r == Role.CONSTANT || r == null) {
                return;
            }
            String what = switch (r) {
                case STATE -> "state '" + n.name() + "'";
                case GRADIENT, STEP -> "'" + n.name() + "' (" + r.describe() + ")";
                default -> "'" + n.name() + "', which the rule computes";
            };
            errors.add(rule.source().error(n.span(), "the initial value of state '" + d.name() + "' reads " + what
                    + "; it may use only literals, hyperparameters and 'w'"));
        });
    }
}

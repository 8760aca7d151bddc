package org.optjit.sema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.Diagnostic;
import org.optjit.ast.Expr;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;

/**
 * Infers the shape class of every name and checks what shapes allow (docs/language.md,
 * "Shape classes"). A forward pass over the statements tracks the class of each name's
 * current value, as {@link StepScalars} tracks uniformity: an expression has the finest class
 * of its operands, a reduction the class its scope leaves, and an assignment under a condition
 * is at least as fine as the condition. A state keeps one class for the whole step: its
 * declared one, or the finest of everything assigned to it; a state assigned only per-step
 * values is per weight (as every state was before shapes existed). As states feed each other,
 * the pass is repeated until no state's class changes (at most once per class per state,
 * since classes only get finer).
 *
 * <p>The checks: a finer value assigned to a coarser declared state; a reduction of something
 * already reduced along its scope; a reduction or {@code orth} under a condition that is not
 * the same for a whole tensor; {@code orth} of a value that is not per weight.
 */
final class Shapes {

    private final SourceFile source;
    private final Map<String, Role> roles;
    private final Map<String, Shape> stateShape = new LinkedHashMap<>();
    private final Map<String, Shape> declared = new HashMap<>();
    private final Map<String, Shape> names = new LinkedHashMap<>();
    private List<Diagnostic> errors;
    private boolean changed;

    private Shapes(SourceFile source, Map<String, Role> roles, Map<String, Stmt.Declared> states) {
        this.source = source;
        this.roles = roles;
        roles.forEach((name, role) -> {
            if (role == Role.STATE) {
                Stmt.Declared d = states.get(name);
                Shape s = d == null || d.shape() == null ? null : Shape.ofKeyword(d.shape());
                if (s != null) {
                    declared.put(name, s);
                }
                stateShape.put(name, s != null ? s : d != null && d.init() != null && readsWeight(d.init())
                        ? Shape.WEIGHT : Shape.STEP);
            }
        });
    }

    /**
     * The class of every name (a state's storage class; a temporary's finest assigned value),
     * adding problems to {@code errors}.
     */
    static Map<String, Shape> infer(SourceFile source, List<Stmt> statements, Map<String, Role> roles,
                                    Map<String, Stmt.Declared> states, List<Diagnostic> errors) {
        Shapes s = new Shapes(source, roles, states);
        s.errors = null;
        s.settle(statements);
        // A state assigned only per-step values is per weight, as every state was before
        // shapes existed (its arithmetic stays float32); one fed by data is as coarse as that.
        s.stateShape.replaceAll((name, shape) -> shape == Shape.STEP ? Shape.WEIGHT : shape);
        s.settle(statements);
        s.errors = errors;
        s.names.clear();
        s.walk(statements, new Scope<>(), Shape.STEP);
        Map<String, Shape> out = new LinkedHashMap<>();
        roles.forEach((name, role) -> out.put(name, s.classOf(name, role)));
        return out;
    }

    private void settle(List<Stmt> statements) {
        do {
            changed = false;
            walk(statements, new Scope<>(), Shape.STEP);
        } while (changed);
    }

    private Shape classOf(String name, Role role) {
        return switch (role) {
            case WEIGHT, GRADIENT -> Shape.WEIGHT;
            case STEP, HYPER, CONSTANT -> Shape.STEP;
            case SHAPE -> Shape.TENSOR;
            case STATE -> stateShape.get(name);
            default -> names.getOrDefault(name, Shape.STEP);
        };
    }

    private void walk(List<Stmt> statements, Scope<Shape> env, Shape control) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                assign(a, env, control);
            } else if (s instanceof Stmt.If f) {
                branches(f, env, control);
            } else if (s instanceof Stmt.Evaluate e) {
                shape(e.value(), env, control);
            }
        }
    }

    private void assign(Stmt.Assign a, Scope<Shape> env, Shape control) {
        Shape v = shape(a.value(), env, control).join(control);
        if (a.op().binary() != null) {
            v = v.join(read(a.target(), env));
        }
        String target = a.target();
        if (roles.get(target) == Role.STATE) {
            Shape d = declared.get(target);
            if (d != null) {
                if (!d.holds(v)) {
                    error(a.span(), "state '" + target + "' is declared " + d.describe() + ", but is assigned a "
                            + v.adjective() + " value" + (control.join(v) == control && control != Shape.STEP
                            ? " (it is assigned under a " + control.adjective() + " condition)" : ""));
                }
            } else {
                Shape now = stateShape.get(target).join(v);
                if (now != stateShape.get(target)) {
                    stateShape.put(target, now);
                    changed = true;
                }
            }
            env.put(target, stateShape.get(target).holds(v) ? v : stateShape.get(target));
        } else {
            env.put(target, v);
            names.merge(target, v, Shape::join);
        }
    }

    private void branches(Stmt.If f, Scope<Shape> env, Shape control) {
        Map<String, Shape> merged = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        Shape c = control;
        for (Stmt.Branch b : f.branches()) {
            c = c.join(shape(b.cond(), env, c));
            merge(merged, count, branch(b.body(), env, c));
        }
        merge(merged, count, branch(f.otherwise(), env, c));
        int paths = f.branches().size() + 1;
        merged.forEach((name, s) -> {
            // A path that does not assign the name keeps the value from before the if.
            Shape before = count.get(name) == paths ? s : read(name, env);
            env.put(name, s.join(before));
        });
    }

    private Map<String, Shape> branch(List<Stmt> body, Scope<Shape> env, Shape control) {
        Scope<Shape> inner = env.child();
        walk(body, inner, control);
        return inner.local();
    }

    private static void merge(Map<String, Shape> into, Map<String, Integer> count, Map<String, Shape> branch) {
        branch.forEach((name, s) -> {
            into.merge(name, s, Shape::join);
            count.merge(name, 1, Integer::sum);
        });
    }

    /** The class of a name's value at this point. */
    private Shape read(String name, Scope<Shape> env) {
        Shape assigned = env.get(name);
        if (assigned != null) {
            return assigned;
        }
        Role r = roles.get(name);
        if (r == null) {
            return Shape.STEP;
        }
        return r == Role.STATE ? stateShape.get(name) : classOf(name, r);
    }

    private Shape shape(Expr e, Scope<Shape> env, Shape control) {
        if (e instanceof Expr.Num) {
            return Shape.STEP;
        }
        if (e instanceof Expr.Name n) {
            return read(n.name(), env);
        }
        if (e instanceof Expr.Unary u) {
            return shape(u.operand(), env, control);
        }
        if (e instanceof Expr.Binary b) {
            return shape(b.left(), env, control).join(shape(b.right(), env, control));
        }
        if (e instanceof Expr.Conditional c) {
            Shape cond = shape(c.cond(), env, control);
            Shape inner = control.join(cond);
            return cond.join(shape(c.ifTrue(), env, inner)).join(shape(c.ifFalse(), env, inner));
        }
        return call((Expr.Call) e, env, control);
    }

    private Shape call(Expr.Call c, Scope<Shape> env, Shape control) {
        Reduction r = Reduction.of(c);
        boolean orth = r == null && Function.named(c.function()) == Function.ORTH;
        if ((r != null || orth) && !control.uniformPerTensor()) {
            error(c.nameSpan(), "'" + c.function() + "' cannot be taken under a " + control.adjective()
                    + " condition: a condition around a " + (orth ? "tensor operation" : "reduction")
                    + " must be the same for a whole tensor (per step or per tensor)");
        }
        if (r != null) {
            Shape arg = c.args().isEmpty() ? Shape.WEIGHT : shape(c.args().get(0), env, control);
            Axis axis = c.scope() == null ? Axis.DEFAULT : Axis.named(c.scope());
            if (axis == null) {
                return Shape.TENSOR; // unknown scope: reported by the Checker
            }
            Shape result = axis.reduce(arg);
            if (result == null) {
                Span at = c.scopeSpan() != null ? c.scopeSpan() : c.nameSpan();
                error(at, "'" + c.function() + "[" + axis.spelling() + "]' of a " + arg.adjective()
                        + " value: it is already reduced along '" + axis.spelling() + "'" + hint(arg));
                return arg;
            }
            return result;
        }
        Shape s = Shape.STEP;
        for (Expr a : c.args()) {
            s = s.join(shape(a, env, control));
        }
        if (orth && s != Shape.WEIGHT) {
            error(c.nameSpan(), "'orth' needs a per-weight value (a whole tensor), not a " + s.adjective() + " one");
            return Shape.WEIGHT;
        }
        return s;
    }

    /** Whether an initial value reads {@code w}: such a state starts per weight. */
    private static boolean readsWeight(Expr init) {
        boolean[] found = {false};
        org.optjit.ast.Reads.forEach(init, n -> found[0] |= n.name().equals("w"));
        return found[0];
    }

    private static String hint(Shape arg) {
        return switch (arg) {
            case ROW -> " (a per-row value has one value per row; 'sum' adds them up per tensor)";
            case COL -> " (a per-column value has one value per column; 'sum' adds them up per tensor)";
            case TENSOR -> " (a per-tensor value; '[all]' reduces over every tensor)";
            default -> " (it has one value for the whole step)";
        };
    }

    private void error(Span span, String message) {
        if (errors != null) {
            errors.add(source.error(span, message));
        }
    }
}

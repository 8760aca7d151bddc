package org.optjit.sema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.Diagnostic;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.SourceFile;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.ast.UnaryOp;

/**
 * The checks that need no roles: declarations (top level only, no duplicates, no built-in
 * names, constant hyperparameter defaults), assignments (never to {@code t} or a declared
 * hyperparameter), calls (known function, right number of arguments) and types (truth
 * values only as conditions, numbers everywhere else). It also records every name in order
 * of first appearance, which fixes the slot order of hyperparameters and state.
 */
final class Checker {

    /** What an expression gives. */
    private enum Type { NUMBER, TRUTH }

    private final SourceFile source;
    private final List<Diagnostic> errors;
    private final Set<String> assigned;

    final Map<String, Stmt.Declared> hypers = new LinkedHashMap<>();
    final Map<String, Stmt.Declared> states = new LinkedHashMap<>();
    final Set<String> appearance = new LinkedHashSet<>();
    /** The rule's {@code evaluate} statement, or null. */
    Stmt.Evaluate evaluate;

    private static final List<String> SHAPE_WORDS = List.of("tensor", "row", "col", "all");

    /** @param assigned every name the rule assigns anywhere */
    Checker(SourceFile source, List<Diagnostic> errors, Set<String> assigned) {
        this.source = source;
        this.errors = errors;
        this.assigned = assigned;
    }

    /** Every assignment target in a statement list, including inside {@code if}s. */
    static Set<String> assignedNames(List<Stmt> statements) {
        Set<String> out = new HashSet<>();
        collectAssigned(statements, out);
        return out;
    }

    private static void collectAssigned(List<Stmt> statements, Set<String> out) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                out.add(a.target());
            } else if (s instanceof Stmt.If f) {
                for (Stmt.Branch b : f.branches()) {
                    collectAssigned(b.body(), out);
                }
                collectAssigned(f.otherwise(), out);
            }
        }
    }

    /** Declarations first, so that their order relative to uses does not matter. */
    void declarations(List<Stmt> top) {
        for (Stmt s : top) {
            if (s instanceof Stmt.HyperDecl h) {
                for (Stmt.Declared d : h.items()) {
                    declare(d, hypers);
                }
            } else if (s instanceof Stmt.StateDecl d) {
                for (Stmt.Declared item : d.items()) {
                    declare(item, states);
                }
            }
        }
    }

    private void declare(Stmt.Declared d, Map<String, Stmt.Declared> into) {
        Role builtin = Role.builtin(d.name());
        Stmt.Declared before = hypers.containsKey(d.name()) ? hypers.get(d.name()) : states.get(d.name());
        if (builtin != null) {
            error(d.span(), "cannot declare '" + d.name() + "': it is built in (" + builtin.describe() + ")");
        } else if (Function.named(d.name()) != null) {
            error(d.span(), "cannot declare '" + d.name() + "': it is a function");
        } else if (before != null) {
            error(d.span(), "'" + d.name() + "' is already declared on line " + before.span().line());
        } else {
            into.put(d.name(), d);
        }
    }

    void statements(List<Stmt> list, boolean topLevel) {
        for (Stmt s : list) {
            if (s instanceof Stmt.Assign a) {
                assignment(a);
            } else if (s instanceof Stmt.If f) {
                for (Stmt.Branch b : f.branches()) {
                    expect(b.cond(), Type.TRUTH);
                    statements(b.body(), false);
                }
                statements(f.otherwise(), false);
            } else if (s instanceof Stmt.HyperDecl h) {
                nestedDeclaration(s, topLevel, "hyper");
                for (Stmt.Declared d : h.items()) {
                    appearance.add(d.name());
                    if (d.init() != null) {
                        constantDefault(d);
                    }
                }
            } else if (s instanceof Stmt.StateDecl d) {
                nestedDeclaration(s, topLevel, "state");
                for (Stmt.Declared item : d.items()) {
                    if (item.init() != null) {
                        expect(item.init(), Type.NUMBER); // its reads are checked once roles are known
                    }
                    if (item.shape() != null && Shape.ofKeyword(item.shape()) == null) {
                        error(item.shapeSpan(), "unknown shape class '" + item.shape() + "'"
                                + Names.didYouMean(item.shape(), SHAPE_WORDS) + " A state's class is one of "
                                + String.join(", ", SHAPE_WORDS));
                    }
                    appearance.add(item.name());
                }
            } else if (s instanceof Stmt.Evaluate e) {
                if (!topLevel) {
                    error(s.span(), "'evaluate' belongs at the top level of a rule, not inside 'if'");
                } else if (evaluate != null) {
                    error(s.span(), "the rule already says what to evaluate on line " + evaluate.span().line());
                } else {
                    evaluate = e;
                }
                expect(e.value(), Type.NUMBER);
            }
        }
    }

    private void nestedDeclaration(Stmt s, boolean topLevel, String keyword) {
        if (!topLevel) {
            error(s.span(), "'" + keyword + "' declarations belong at the top level of a rule, not inside 'if'");
        }
    }

    private void constantDefault(Stmt.Declared d) {
        int before = errors.size();
        Reads.forEach(d.init(), n -> {
            if (errors.size() == before) {
                error(n.span(), "the default of hyperparameter '" + d.name() + "' must be a constant, but it reads '"
                        + n.name() + "'");
            }
        });
        if (errors.size() == before) {
            expect(d.init(), Type.NUMBER);
        }
    }

    private void assignment(Stmt.Assign a) {
        String target = a.target();
        appearance.add(target); // written before its value, so it appears first
        expect(a.value(), Type.NUMBER);
        Role builtin = Role.builtin(target);
        if (builtin == Role.STEP || builtin == Role.SHAPE || builtin == Role.CONSTANT) {
            error(a.span(), "cannot assign to '" + target + "': it is " + builtin.describe() + ", which is read-only");
        } else if (hypers.containsKey(target)) {
            error(a.span(), "cannot assign to '" + target + "': it is declared a hyperparameter on line "
                    + hypers.get(target).span().line());
        }
    }

    private void expect(Expr e, Type wanted) {
        Type got = type(e);
        if (got == wanted) {
            return;
        }
        if (wanted == Type.NUMBER) {
            error(e.span(), "a truth value is used as a number; comparisons and && || ! can only be conditions");
        } else {
            error(e.span(), "a number is used as a condition; compare it, e.g. 'x > 0'");
        }
    }

    private Type type(Expr e) {
        if (e instanceof Expr.Num) {
            return Type.NUMBER;
        }
        if (e instanceof Expr.Name n) {
            read(n);
            return Type.NUMBER;
        }
        if (e instanceof Expr.Call c) {
            call(c);
            return Type.NUMBER;
        }
        if (e instanceof Expr.Unary u) {
            Type t = u.op() == UnaryOp.NOT ? Type.TRUTH : Type.NUMBER;
            expect(u.operand(), t);
            return t;
        }
        if (e instanceof Expr.Binary b) {
            switch (b.op().kind()) {
                case ARITH -> {
                    expect(b.left(), Type.NUMBER);
                    expect(b.right(), Type.NUMBER);
                    return Type.NUMBER;
                }
                case COMPARE -> {
                    expect(b.left(), Type.NUMBER);
                    expect(b.right(), Type.NUMBER);
                    return Type.TRUTH;
                }
                default -> {
                    expect(b.left(), Type.TRUTH);
                    expect(b.right(), Type.TRUTH);
                    return Type.TRUTH;
                }
            }
        }
        Expr.Conditional c = (Expr.Conditional) e;
        expect(c.cond(), Type.TRUTH);
        expect(c.ifTrue(), Type.NUMBER);
        expect(c.ifFalse(), Type.NUMBER);
        return Type.NUMBER;
    }

    private void read(Expr.Name n) {
        Function f = Function.named(n.name());
        if (f != null && !assigned.contains(n.name())) {
            error(n.span(), "'" + n.name() + "' is a function; call it, e.g. " + n.name() + "(x)");
        }
        appearance.add(n.name());
    }

    private void call(Expr.Call c) {
        Function f = Function.named(c.function());
        Reduction r = Reduction.of(c);
        if (r != null) {
            reduction(c);
        } else if (f == null) {
            List<String> known = new java.util.ArrayList<>(Function.spellings());
            java.util.Arrays.stream(Reduction.values()).map(Reduction::spelling).forEach(known::add);
            error(c.nameSpan(), "undefined function '" + c.function() + "'" + Names.didYouMean(c.function(), known));
        } else if (c.scope() != null) {
            error(c.scopeSpan(), "'" + c.function() + "' takes no scope; only the reductions sum, mean, norm, rms,"
                    + " max and min reduce along one");
        } else if ((f == Function.MAX || f == Function.MIN) && c.args().size() == 1) {
            error(c.nameSpan(), "'" + c.function() + "' of one value needs a scope: " + c.function()
                    + "[tensor](e) is the " + (f == Function.MAX ? "largest" : "smallest")
                    + " value of the tensor (element-wise " + c.function() + " takes at least 2 arguments)");
        } else if (!f.accepts(c.args().size())) {
            error(c.nameSpan(), "'" + c.function() + "' " + f.arityText() + ", not " + c.args().size());
        }
        for (Expr a : c.args()) {
            expect(a, Type.NUMBER);
        }
    }

    private void reduction(Expr.Call c) {
        if (c.scope() != null && Axis.named(c.scope()) == null) {
            error(c.scopeSpan(), "unknown scope '" + c.scope() + "'" + Names.didYouMean(c.scope(), Axis.spellings())
                    + " A reduction's scope is one of " + String.join(", ", Axis.spellings()));
        }
        if (c.args().size() != 1) {
            error(c.nameSpan(), "'" + c.function() + (c.scope() == null ? "" : "[" + c.scope() + "]")
                    + "' takes 1 argument, not " + c.args().size());
        }
    }

    private void error(Span span, String message) {
        errors.add(source.error(span, message));
    }
}

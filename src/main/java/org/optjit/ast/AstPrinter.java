package org.optjit.ast;

import java.util.List;

/**
 * Unparses an AST to source text with the fewest parentheses that keep its shape, so that
 * parsing the printed text gives back the same tree (the round-trip tests check this).
 * Literals are printed exactly as written.
 */
public final class AstPrinter {

    /** Precedence of an atom (literal, name, call): never needs parentheses. */
    private static final int ATOM = 8;
    private static final int CONDITIONAL = 0;

    private AstPrinter() {
    }

    public static String print(RuleAst rule) {
        return print(rule.statements());
    }

    public static String print(List<Stmt> statements) {
        StringBuilder sb = new StringBuilder();
        block(sb, statements, "");
        return sb.toString();
    }

    private static void block(StringBuilder sb, List<Stmt> statements, String indent) {
        for (Stmt s : statements) {
            sb.append(indent);
            statement(sb, s, indent);
            sb.append('\n');
        }
    }

    private static void statement(StringBuilder sb, Stmt s, String indent) {
        if (s instanceof Stmt.Assign a) {
            sb.append(a.target()).append(' ').append(a.op().symbol()).append(' ').append(print(a.value()));
        } else if (s instanceof Stmt.HyperDecl h) {
            declared(sb, "hyper", h.items());
        } else if (s instanceof Stmt.StateDecl d) {
            declared(sb, "state", d.items());
        } else if (s instanceof Stmt.Evaluate v) {
            sb.append("evaluate ").append(print(v.value()));
        } else if (s instanceof Stmt.If f) {
            String sepr = "if ";
            for (Stmt.Branch b : f.branches()) {
                sb.append(sepr).append(print(b.cond())).append(" {\n");
                block(sb, b.body(), indent + "    ");
                sb.append(indent).append('}');
                sepr = " else if ";
            }
            if (!f.otherwise().isEmpty()) {
                sb.append(" else {\n");
                block(sb, f.otherwise(), indent + "    ");
                sb.append(indent).append('}');
            }
        }
    }

    private static void declared(StringBuilder sb, String keyword, List<Stmt.Declared> items) {
        sb.append(keyword);
        String sepr = " ";
        for (Stmt.Declared d : items) {
            sb.append(sepr).append(d.name());
            if (d.shape() != null) {
                sb.append(": ").append(d.shape());
            }
            if (d.init() != null) {
                sb.append(" = ").append(print(d.init()));
            }
            sepr = ", ";
        }
    }

    /** One expression, without enclosing parentheses. */
    /**
     * A number as a rule would write it, exactly (the shortest decimal that reads back as
     * {@code v}): no trailing ".0" for whole values, and {@code 1e-8} rather than Java's
     * {@code 1.0E-8}. For values the language computed (defaults, bound hyperparameters).
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        expr(sb, e);
        return sb.toString();
    }

    private static void expr(StringBuilder sb, Expr e) {
        if (e instanceof Expr.Num n) {
            sb.append(n.text());
        } else if (e instanceof Expr.Name n) {
            sb.append(n.name());
        } else if (e instanceof Expr.Call c) {
            sb.append(c.function());
            if (c.scope() != null) {
                sb.append('[').append(c.scope()).append(']');
            }
            sb.append('(');
            for (int i = 0; i < c.args().size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                expr(sb, c.args().get(i));
            }
            sb.append(')');
        } else if (e instanceof Expr.Unary u) {
            sb.append(u.op().symbol());
            operand(sb, u.operand(), precedence(u.operand()) < BinaryOp.PREFIX_PRECEDENCE);
        } else if (e instanceof Expr.Binary b) {
            binary(sb, b);
        } else if (e instanceof Expr.Conditional c) {
            operand(sb, c.cond(), precedence(c.cond()) <= CONDITIONAL);
            sb.append(" ? ");
            expr(sb, c.ifTrue());
            sb.append(" : ");
            expr(sb, c.ifFalse());
        }
    }

    private static void binary(StringBuilder sb, Expr.Binary b) {
        int p = b.op().precedence();
        int left = precedence(b.left());
        int right = precedence(b.right());
        if (b.op() == BinaryOp.POW) {
            // The grammar takes an atom as base and a prefix expression as exponent.
            operand(sb, b.left(), left < ATOM);
            sb.append('^');
            operand(sb, b.right(), right < BinaryOp.PREFIX_PRECEDENCE);
            return;
        }
        operand(sb, b.left(), left < p);
        sb.append(' ').append(b.op().symbol()).append(' ');
        operand(sb, b.right(), right <= p);
    }

    private static void operand(StringBuilder sb, Expr e, boolean parenthesise) {
        if (parenthesise) {
            sb.append('(');
        }
        expr(sb, e);
        if (parenthesise) {
            sb.append(')');
        }
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Unary) {
            return BinaryOp.PREFIX_PRECEDENCE;
        }
        if (e instanceof Expr.Conditional) {
            return CONDITIONAL;
        }
        return ATOM;
    }
}

package org.optjit.ir;

import java.util.Locale;
import java.util.Map;
import org.optjit.ast.AstPrinter;

/**
 * An IR value written back as an expression over the rule's names, for people: what a
 * step scalar assigned on several branches computes ({@code t < 10 ? lr*t/10 : lr}), what
 * condition a select tests. Deep operands are shortened to "…".
 */
public final class IrExpression {

    private static final Map<Op, String> INFIX = Map.ofEntries(Map.entry(Op.ADD, "+"), Map.entry(Op.SUB, "-"),
            Map.entry(Op.MUL, "*"), Map.entry(Op.DIV, "/"), Map.entry(Op.LT, "<"), Map.entry(Op.LE, "<="),
            Map.entry(Op.GT, ">"), Map.entry(Op.GE, ">="), Map.entry(Op.EQ, "=="), Map.entry(Op.NE, "!="),
            Map.entry(Op.AND, "&&"), Map.entry(Op.OR, "||"));

    private static final int MAX_DEPTH = 6;

    private IrExpression() {
    }

    /** Instruction {@code k} of {@code block} (the program's prelude or body) as text. */
    public static String of(Program p, Block block, int k) {
        return render(p, block, k, 0);
    }

    private static String render(Program p, Block b, int k, int depth) {
        Insn in = b.insn(k);
        if (depth > MAX_DEPTH) {
            return "…";
        }
        switch (in.op()) {
            case CONST: return AstPrinter.number(in.value());
            case HYPER: return p.hypers().get(in.slot()).name();
            case STEP: return "t";
            case LOAD_W: return "w";
            case LOAD_G: return "g";
            case LOAD_S: return p.states().get(in.slot()).name();
            case UNIFORM: case UNIFORM_BOOL: return uniformName(p, in.slot());
            case FLOAT: return render(p, b, in.a(), depth);
            case SELECT: return wrap(render(p, b, in.a(), depth + 1) + " ? " + render(p, b, in.b(), depth + 1) + " : "
                    + render(p, b, in.c(), depth + 1), depth);
            case NOT: return "!" + render(p, b, in.a(), depth + 1);
            case NEG: return "-" + render(p, b, in.a(), depth + 1);
            default:
                String infix = INFIX.get(in.op());
                if (infix != null) {
                    return wrap(render(p, b, in.a(), depth + 1) + " " + infix + " " + render(p, b, in.b(), depth + 1), depth);
                }
                String name = in.op().name().toLowerCase(Locale.ROOT);
                return in.op().arity() == 1 ? name + "(" + render(p, b, in.a(), depth + 1) + ")"
                        : name + "(" + render(p, b, in.a(), depth + 1) + ", " + render(p, b, in.b(), depth + 1) + ")";
        }
    }

    private static String wrap(String s, int depth) {
        return depth == 0 ? s : "(" + s + ")";
    }

    /** A uniform's name: the hyperparameter or step scalar the prelude exports into it, else {@code u<slot>}. */
    private static String uniformName(Program p, int slot) {
        for (Output o : p.prelude().outputs()) {
            if (o.target() == Output.Target.EXPORT && o.slot() == slot) {
                Insn src = p.prelude().insn(o.value());
                if (src.op() == Op.HYPER) {
                    return p.hypers().get(src.slot()).name();
                }
                for (StepScalar st : p.stepScalars()) {
                    if (st.value() == o.value()) {
                        return st.name();
                    }
                }
            }
        }
        return "u" + slot;
    }
}

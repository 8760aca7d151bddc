package org.optjit.ir;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.sema.Axis;
import org.optjit.sema.Function;
import org.optjit.sema.Reduction;

/**
 * Lowers an expression of a checked rule into a {@link SplitBuilder}, in source order
 * (no reassociation: {@code a*b*g} is {@code (a*b)*g}, so {@code a*b} is hoisted while
 * {@code g*a*b} stays per weight). What a name means is up to the caller.
 */
final class ExprLowering {

    /** The value of a name at the point of reading. */
    interface Names {
        Ref read(String name);
    }

    private final SplitBuilder b;
    private final Names names;

    ExprLowering(SplitBuilder b, Names names) {
        this.b = b;
        this.names = names;
    }

    Ref lower(Expr e) {
        if (e instanceof Expr.Num n) {
            return b.constant(n.value());
        }
        if (e instanceof Expr.Name n) {
            return names.read(n.name());
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Unary u) {
            Ref a = lower(u.operand());
            return switch (u.op()) {
                case NEG -> b.unary(Op.NEG, a);
                case PLUS -> a;
                case NOT -> b.unary(Op.NOT, a);
            };
        }
        if (e instanceof Expr.Binary bin) {
            Ref l = lower(bin.left());
            Ref r = lower(bin.right());
            return binary(bin.op(), l, r);
        }
        Expr.Conditional c = (Expr.Conditional) e;
        Ref cond = lower(c.cond());
        return b.select(cond, lower(c.ifTrue()), lower(c.ifFalse()));
    }

    /** {@code l op r} for a binary operator of the language. */
    Ref binary(BinaryOp op, Ref l, Ref r) {
        return op == BinaryOp.POW ? b.power(l, r) : b.binary(irOp(op), l, r);
    }

    private Ref call(Expr.Call c) {
        Reduction reduction = Reduction.of(c);
        if (reduction != null) {
            Axis axis = c.scope() == null ? Axis.DEFAULT : Axis.named(c.scope());
            return b.reduce(reduction, axis, lower(c.args().get(0)));
        }
        List<Ref> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) {
            args.add(lower(a));
        }
        Function f = Function.named(c.function());
        switch (f) {
            case POW:
                return b.power(args.get(0), args.get(1));
            case MIN:
            case MAX: {
                Ref acc = args.get(0);
                for (int i = 1; i < args.size(); i++) {
                    acc = b.binary(f == Function.MIN ? Op.MIN : Op.MAX, acc, args.get(i));
                }
                return acc;
            }
            case CLIP:
                return b.binary(Op.MIN, b.binary(Op.MAX, args.get(0), args.get(1)), args.get(2));
            case ORTH:
                return b.orth(args.get(0));
            default:
                return b.unary(Op.valueOf(f.name()), args.get(0));
        }
    }

    private static Op irOp(BinaryOp op) {
        return switch (op) {
            case OR -> Op.OR;
            case AND -> Op.AND;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case GT -> Op.GT;
            case GE -> Op.GE;
            case EQ -> Op.EQ;
            case NE -> Op.NE;
            case ADD -> Op.ADD;
            case SUB -> Op.SUB;
            case MUL -> Op.MUL;
            case DIV -> Op.DIV;
            case MOD -> Op.MOD;
            case POW -> Op.POW;
        };
    }
}

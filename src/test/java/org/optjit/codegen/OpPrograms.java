package org.optjit.codegen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Small hand-built bodies, one or a few per operation of the IR, in every shape the scalar
 * emitter distinguishes (a value used once or twice, a comparison as a jump or as an int).
 * Tests feed them corner-case pairs through {@code g} and state 0
 * ({@link Differential#assertAgreeOnAllPairs}).
 */
public final class OpPrograms {

    static final EnumSet<Op> UNARY = EnumSet.of(Op.NEG, Op.ABS, Op.SQRT, Op.SIGN, Op.EXP, Op.LOG, Op.LOG2, Op.FLOOR,
            Op.CEIL);
    static final EnumSet<Op> BINARY = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX, Op.POW);
    static final EnumSet<Op> COMPARISONS = EnumSet.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE);

    private OpPrograms() {
    }

    /** {@code w = op(g)}. */
    static Program unary(Op op) {
        IrBuilder b = new IrBuilder();
        b.storeW(b.unary(op, b.g()));
        return b.build("unary_" + op, 0, 0);
    }

    /** {@code x = op(g, s0); w = x; s0 = op(x, -0.0)}: a value used twice, and a -0 literal. */
    static Program binary(Op op) {
        IrBuilder b = new IrBuilder();
        int x = b.binary(op, b.g(), b.state(0));
        b.storeW(x);
        b.storeState(0, b.binary(op, x, b.constant(-0.0)));
        return b.build("binary_" + op, 1, 0);
    }

    /** {@code w = op(g, s0) ? 1 : 2}: the comparison is the select's jump. */
    static Program comparisonAsJump(Op op) {
        IrBuilder b = new IrBuilder();
        b.storeW(b.select(b.binary(op, b.g(), b.state(0)), b.constant(1), b.constant(2)));
        return b.build("jump_" + op, 1, 0);
    }

    /** A comparison used by two selects: an int truth value tested with IFEQ. */
    static Program comparisonAsValue(Op op) {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int s = b.state(0);
        int c = b.binary(op, g, s);
        b.storeW(b.select(c, g, s));
        b.storeState(1, b.select(c, b.constant(3), b.constant(Float.NaN)));
        return b.build("value_" + op, 2, 0);
    }

    /** {@code AND}, {@code OR} or {@code NOT} of the comparison {@code cmp} (and of g > 0). */
    static Program logic(Op op, Op cmp) {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int s = b.state(0);
        int c1 = b.binary(cmp, g, s);
        int c2 = b.binary(Op.GT, g, b.constant(0));
        int l = op == Op.NOT ? b.unary(Op.NOT, c1) : b.binary(op, c1, c2);
        b.storeW(b.select(l, b.binary(Op.ADD, g, s), b.constant(-1)));
        return b.build("logic_" + op + "_" + cmp, 1, 0);
    }

    /** Every program above. */
    static List<Program> all() {
        List<Program> out = new ArrayList<>();
        UNARY.forEach(op -> out.add(unary(op)));
        BINARY.forEach(op -> out.add(binary(op)));
        for (Op op : COMPARISONS) {
            out.add(comparisonAsJump(op));
            out.add(comparisonAsValue(op));
        }
        for (Op op : EnumSet.of(Op.AND, Op.OR, Op.NOT)) {
            for (Op cmp : EnumSet.of(Op.LT, Op.GE, Op.EQ, Op.NE)) {
                out.add(logic(op, cmp));
            }
        }
        return out;
    }
}

package org.optjit.codegen.vector;

import java.util.ArrayList;
import java.util.List;
import org.optjit.codegen.IrBuilder;
import org.optjit.ir.Op;
import org.optjit.ir.Program;

/**
 * Hand-built bodies that together use every per-weight operation, each with the tolerance
 * it is held to (0 = bitwise) and the uniforms to run it with.
 */
final class OpCorpus {

    record Case(String name, Program program, int ulps, List<float[]> uniforms) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<float[]> PLAIN_UNIFORMS = List.<float[]>of(new float[] {0.5f, 1f, 0f});

    private OpCorpus() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (Op op : List.of(Op.NEG, Op.ABS, Op.SQRT, Op.SIGN, Op.FLOOR, Op.CEIL, Op.EXP, Op.LOG, Op.LOG2)) {
            IrBuilder b = new IrBuilder();
            int w = b.w();
            int g = b.g();
            b.storeW(b.unary(op, w)).storeState(0, b.unary(op, g));
            cases.add(plain(op, b));
        }
        for (Op op : List.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX, Op.POW)) {
            IrBuilder b = new IrBuilder();
            int w = b.w();
            int g = b.g();
            int s = b.state(0);
            b.storeW(b.binary(op, w, g)).storeState(0, b.binary(op, g, s));
            cases.add(plain(op, b));
        }
        for (Op op : List.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE)) {
            IrBuilder b = new IrBuilder();
            int w = b.w();
            int g = b.g();
            int c = b.binary(op, w, g);
            b.storeW(b.select(c, w, g)).storeState(0, b.select(c, b.constant(1), b.constant(-0.0)));
            cases.add(plain(op, b));
        }
        cases.add(new Case("logic", logic().build("logic", 2, 3), 0, PLAIN_UNIFORMS));
        cases.add(new Case("uniforms", uniforms().build("uniforms", 2, 3), 0, List.of(
                new float[] {0.01f, 1, 0}, new float[] {-3f, 0, 1}, new float[] {Float.NaN, Float.NaN, 0},
                new float[] {0f, -0f, 2f})));
        return cases;
    }

    private static Case plain(Op op, IrBuilder b) {
        return new Case(op.name(), b.build(op.name(), 2, 3), op.isTranscendental() ? Transcendentals.MAX_ULPS : 0,
                PLAIN_UNIFORMS);
    }

    /** AND, OR, NOT of compare masks, selects nested in selects. */
    private static IrBuilder logic() {
        IrBuilder b = new IrBuilder();
        int w = b.w();
        int g = b.g();
        int s = b.state(0);
        int lt = b.binary(Op.LT, w, g);
        int ne = b.binary(Op.NE, s, b.constant(0.5));
        int and = b.binary(Op.AND, lt, ne);
        int or = b.binary(Op.OR, lt, b.unary(Op.NOT, ne));
        int not = b.unary(Op.NOT, and);
        b.storeW(b.select(and, w, b.select(or, g, s)));
        b.storeState(0, b.select(not, b.select(b.binary(Op.GE, g, s), s, w), g));
        return b;
    }

    /** UNIFORM, UNIFORM_BOOL and literals (NaN, -0, -Inf, a denormal) in selects and stores. */
    private static IrBuilder uniforms() {
        IrBuilder b = new IrBuilder();
        int w = b.w();
        int g = b.g();
        int u0 = b.uniform(0);
        int flag = b.uniformBool(1);
        int other = b.uniformBool(2);
        int scaled = b.binary(Op.SUB, w, b.binary(Op.MUL, u0, g));
        int tiny = b.binary(Op.ADD, scaled, b.constant(1e-40));
        b.storeW(b.select(flag, tiny, b.select(other, b.constant(Double.NaN), w)));
        b.storeState(0, b.select(b.binary(Op.AND, flag, other), b.constant(-0.0),
                b.constant(Double.NEGATIVE_INFINITY)));
        b.storeState(1, u0);
        return b;
    }
}

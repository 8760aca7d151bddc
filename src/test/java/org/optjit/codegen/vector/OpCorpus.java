package org.optjit.codegen.vector;

import java.util.ArrayList;
import java.util.List;
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
            Bodies b = new Bodies();
            int w = b.leaf(Op.LOAD_W, -1);
            int g = b.leaf(Op.LOAD_G, -1);
            b.storeW(b.unary(op, w)).storeS(0, b.unary(op, g));
            cases.add(plain(op, b));
        }
        for (Op op : List.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX, Op.POW)) {
            Bodies b = new Bodies();
            int w = b.leaf(Op.LOAD_W, -1);
            int g = b.leaf(Op.LOAD_G, -1);
            int s = b.leaf(Op.LOAD_S, 0);
            b.storeW(b.binary(op, w, g)).storeS(0, b.binary(op, g, s));
            cases.add(plain(op, b));
        }
        for (Op op : List.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE)) {
            Bodies b = new Bodies();
            int w = b.leaf(Op.LOAD_W, -1);
            int g = b.leaf(Op.LOAD_G, -1);
            int c = b.binary(op, w, g);
            b.storeW(b.select(c, w, g)).storeS(0, b.select(c, b.constant(1), b.constant(-0.0)));
            cases.add(plain(op, b));
        }
        cases.add(new Case("logic", logic().program("logic"), 0, PLAIN_UNIFORMS));
        cases.add(new Case("uniforms", uniforms().program("uniforms"), 0, List.of(
                new float[] {0.01f, 1, 0}, new float[] {-3f, 0, 1}, new float[] {Float.NaN, Float.NaN, 0},
                new float[] {0f, -0f, 2f})));
        return cases;
    }

    private static Case plain(Op op, Bodies b) {
        return new Case(op.name(), b.program(op.name()), op.isTranscendental() ? Transcendentals.MAX_ULPS : 0,
                PLAIN_UNIFORMS);
    }

    /** AND, OR, NOT of compare masks, selects nested in selects. */
    private static Bodies logic() {
        Bodies b = new Bodies();
        int w = b.leaf(Op.LOAD_W, -1);
        int g = b.leaf(Op.LOAD_G, -1);
        int s = b.leaf(Op.LOAD_S, 0);
        int lt = b.binary(Op.LT, w, g);
        int ne = b.binary(Op.NE, s, b.constant(0.5));
        int and = b.binary(Op.AND, lt, ne);
        int or = b.binary(Op.OR, lt, b.unary(Op.NOT, ne));
        int not = b.unary(Op.NOT, and);
        b.storeW(b.select(and, w, b.select(or, g, s)));
        b.storeS(0, b.select(not, b.select(b.binary(Op.GE, g, s), s, w), g));
        return b;
    }

    /** UNIFORM, UNIFORM_BOOL and literals (NaN, -0, -Inf, a denormal) in selects and stores. */
    private static Bodies uniforms() {
        Bodies b = new Bodies();
        int w = b.leaf(Op.LOAD_W, -1);
        int g = b.leaf(Op.LOAD_G, -1);
        int u0 = b.leaf(Op.UNIFORM, 0);
        int flag = b.leaf(Op.UNIFORM_BOOL, 1);
        int other = b.leaf(Op.UNIFORM_BOOL, 2);
        int scaled = b.binary(Op.SUB, w, b.binary(Op.MUL, u0, g));
        int tiny = b.binary(Op.ADD, scaled, b.constant(1e-40));
        b.storeW(b.select(flag, tiny, b.select(other, b.constant(Double.NaN), w)));
        b.storeS(0, b.select(b.binary(Op.AND, flag, other), b.constant(-0.0),
                b.constant(Double.NEGATIVE_INFINITY)));
        b.storeS(1, u0);
        return b;
    }
}

package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Op;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Every operation of the IR on SCALAR against the interpreter, bit for bit, over every
 * pair of IEEE corner cases (NaN, +-0, +-Inf, MIN_VALUE, MAX_VALUE, ...).
 */
class ScalarOpsTest {

    /** Verifies the class, and compares on every pair of corner cases through g and s0. */
    private static void assertAgreeOnAllPairs(Program p) {
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertEquals("", KernelClasses.verify(k.classFile()), "verifier");
        assertTrue(k.kernel().getClass().isHidden(), "a hidden class");
        Differential.assertAgreeOnAllPairs(p, k.kernel());
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"NEG", "ABS", "SQRT", "SIGN", "EXP", "LOG", "LOG2", "FLOOR", "CEIL"})
    void unary(Op op) {
        assertAgreeOnAllPairs(OpPrograms.unary(op));
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"ADD", "SUB", "MUL", "DIV", "MIN", "MAX", "POW"})
    void binary(Op op) {
        assertAgreeOnAllPairs(OpPrograms.binary(op));
    }

    /**
     * A comparison used once as a select's condition (the fused compare-and-jump) and used
     * twice (an int truth value, tested with IFEQ).
     */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"LT", "LE", "GT", "GE", "EQ", "NE"})
    void comparison(Op op) {
        assertAgreeOnAllPairs(OpPrograms.comparisonAsJump(op));
        assertAgreeOnAllPairs(OpPrograms.comparisonAsValue(op));
    }

    /** AND, OR and NOT of comparisons, including NaN operands. */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"AND", "OR", "NOT"})
    void logic(Op op) {
        for (Op cmp : EnumSet.of(Op.LT, Op.GE, Op.EQ, Op.NE)) {
            assertAgreeOnAllPairs(OpPrograms.logic(op, cmp));
        }
    }

    /** UNIFORM_BOOL is true for every non-zero uniform, NaN included, and false for +-0. */
    @Test
    void uniformBool() {
        IrBuilder b = new IrBuilder();
        int u = b.uniformBool(1);
        b.storeW(b.select(u, b.uniform(0), b.g()));
        b.storeState(0, b.select(b.binary(Op.AND, u, b.uniformBool(2)), b.constant(1), b.constant(0)));
        Program p = b.build("uniform_bool", 1, 3);
        LoopKernel k = new ScalarCompiler().compile(p).kernel();
        Random rnd = new Random(7);
        for (float u1 : new float[] {Float.NaN, 0f, -0f, 1f, -1e-40f, Float.NEGATIVE_INFINITY}) {
            for (float u2 : new float[] {0f, Float.NaN, 2f}) {
                float[] uniforms = {0.25f, u1, u2};
                Differential.assertAgree("uniform bool " + u1 + " " + u2, new Interpreter(p.body()), k,
                        Differential.array(rnd, 10), Differential.array(rnd, 10),
                        new float[][] {Differential.array(rnd, 10)}, uniforms, 0, 10);
            }
        }
    }

    /**
     * Three states: one read and written, one read only (keeps its values), one written
     * only; the weight store reads an old state value after the state's own new value was
     * computed (stores must come after every load).
     */
    @Test
    void multipleStatesAndStoreOrder() {
        IrBuilder b = new IrBuilder();
        int s0 = b.state(0);
        int s1 = b.state(1);
        int g = b.g();
        b.storeState(0, b.binary(Op.MUL, g, b.uniform(0)));
        b.storeState(2, b.w());
        b.storeW(b.binary(Op.SUB, s0, s1)); // reads old s0 after s0's store is listed
        assertAgreeOnAllPairs(b.build("states", 3, 1));
    }

    /** A select whose branches are trees (evaluated only on their branch) and a nested select. */
    @Test
    void selectsWithTrees() {
        IrBuilder b = new IrBuilder();
        int g = b.g();
        int s = b.state(0);
        int prod = b.binary(Op.MUL, g, s);
        int inner = b.select(b.binary(Op.LT, prod, b.constant(0)),
                b.binary(Op.MUL, s, b.constant(0.5)), b.binary(Op.MIN, b.binary(Op.MUL, s, b.constant(1.2)), b.constant(50)));
        int outer = b.select(b.binary(Op.GT, prod, b.constant(0)), b.unary(Op.SQRT, inner), inner);
        b.storeState(0, outer);
        b.storeW(b.binary(Op.SUB, b.w(), b.binary(Op.MUL, b.unary(Op.SIGN, g), outer)));
        assertAgreeOnAllPairs(b.build("rprop_like", 1, 0));
    }

    /** Constants with special encodings: fconst 0/1/2, -0, NaN, Inf, and a double literal rounded once. */
    @Test
    void constants() {
        IrBuilder b = new IrBuilder();
        int acc = b.binary(Op.ADD, b.g(), b.state(0));
        for (double c : new double[] {0, -0.0, 1, 2, 3, Double.NaN, Double.NEGATIVE_INFINITY, 0.1, 1e-8, 1e300}) {
            acc = b.binary(Op.ADD, b.binary(Op.MUL, acc, b.constant(c)), b.constant(c));
        }
        b.storeW(acc);
        assertAgreeOnAllPairs(b.build("constants", 1, 0));
    }
}

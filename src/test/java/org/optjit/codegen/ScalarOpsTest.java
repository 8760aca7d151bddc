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

    private static final float[] S = Differential.SPECIAL;
    private static final int N = S.length * S.length;

    /** g and s0 run through every pair of corner cases; w and s1 are random. */
    private static void assertAgreeOnAllPairs(Program p) {
        GeneratedKernel k = new ScalarCompiler().compile(p);
        assertEquals("", KernelClasses.verify(k.classFile()), "verifier");
        assertTrue(k.kernel().getClass().isHidden(), "a hidden class");
        Random rnd = new Random(p.name().hashCode());
        float[] g = new float[N];
        float[][] state = new float[p.states().size()][];
        for (int k2 = 0; k2 < state.length; k2++) {
            state[k2] = Differential.array(rnd, N);
        }
        for (int i = 0; i < N; i++) {
            g[i] = S[i / S.length];
            if (state.length > 0) {
                state[0][i] = S[i % S.length];
            }
        }
        float[] uniforms = Differential.array(rnd, p.uniformCount());
        LoopKernel oracle = new Interpreter(p.body());
        Differential.assertAgree(p.name(), oracle, k.kernel(), Differential.array(rnd, N), g, state, uniforms, 0, N);
        Differential.assertAgree(p.name() + " (range)", oracle, k.kernel(), Differential.array(rnd, N), g, state,
                uniforms, 5, N - 7);
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"NEG", "ABS", "SQRT", "SIGN", "EXP", "LOG", "LOG2", "FLOOR", "CEIL"})
    void unary(Op op) {
        IrBuilder b = new IrBuilder();
        b.storeW(b.unary(op, b.g()));
        assertAgreeOnAllPairs(b.build("unary_" + op, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"ADD", "SUB", "MUL", "DIV", "MIN", "MAX", "POW"})
    void binary(Op op) {
        IrBuilder b = new IrBuilder();
        int x = b.binary(op, b.g(), b.state(0));
        b.storeW(x);
        b.storeState(0, b.binary(op, x, b.constant(-0.0))); // a value used twice, and -0 literal
        assertAgreeOnAllPairs(b.build("binary_" + op, 1, 0));
    }

    /**
     * A comparison used once as a select's condition (the fused compare-and-jump) and used
     * twice (an int truth value, tested with IFEQ).
     */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"LT", "LE", "GT", "GE", "EQ", "NE"})
    void comparison(Op op) {
        IrBuilder once = new IrBuilder();
        once.storeW(once.select(once.binary(op, once.g(), once.state(0)), once.constant(1), once.constant(2)));
        assertAgreeOnAllPairs(once.build("jump_" + op, 1, 0));

        IrBuilder twice = new IrBuilder();
        int g = twice.g();
        int s = twice.state(0);
        int c = twice.binary(op, g, s);
        twice.storeW(twice.select(c, g, s));
        twice.storeState(1, twice.select(c, twice.constant(3), twice.constant(Float.NaN)));
        assertAgreeOnAllPairs(twice.build("value_" + op, 2, 0));
    }

    /** AND, OR and NOT of comparisons, including NaN operands. */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"AND", "OR", "NOT"})
    void logic(Op op) {
        for (Op cmp : EnumSet.of(Op.LT, Op.GE, Op.EQ, Op.NE)) {
            IrBuilder b = new IrBuilder();
            int g = b.g();
            int s = b.state(0);
            int c1 = b.binary(cmp, g, s);
            int c2 = b.binary(Op.GT, g, b.constant(0));
            int l = op == Op.NOT ? b.unary(Op.NOT, c1) : b.binary(op, c1, c2);
            b.storeW(b.select(l, b.binary(Op.ADD, g, s), b.constant(-1)));
            assertAgreeOnAllPairs(b.build("logic_" + op + "_" + cmp, 1, 0));
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

package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.BINARY;
import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.INT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.MASK;
import static org.optjit.codegen.vector.VectorApi.OPERATORS;
import static org.optjit.codegen.vector.VectorApi.VECTOR;

import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;
import org.optjit.ir.Insn;

/**
 * Emits one per-weight instruction as Vector API calls, leaving its value (a
 * {@code FloatVector}, or a {@code VectorMask} for truth values) on the stack.
 *
 * <p>Every operation is lanewise and branch-free: conditions are compare masks,
 * {@code SELECT} is {@code blend}, and the operations whose exact Java semantics no single
 * Vector API call has ({@code Math.signum}, {@code Math.floor}/{@code ceil}, exact
 * {@code log2} of powers of two) are built from compares and blends. Operands are read
 * from locals, one per instruction, so C2 sees plain SSA values and keeps every vector in
 * a register (no vector is ever stored in a field or an array).
 */
final class VectorInsnEmitter {

    /** 2^23: every float at least this large in magnitude is a whole number. */
    private static final float WHOLE = 8388608f;

    /** 1 / ln 2, for log2(x) = log(x) / ln 2. */
    private static final float INV_LN2 = (float) (1 / Math.log(2));

    private final GeneratorAdapter ga;
    private final int[] local;
    /** A local for an int vector operand while the operator is pushed below it; made on first use. */
    private int intScratch = -1;

    /** @param local the local variable holding each instruction's value, by instruction index */
    VectorInsnEmitter(GeneratorAdapter ga, int[] local) {
        this.ga = ga;
        this.local = local;
    }

    /** Pushes the value of {@code in}, whose operands are already in their locals. */
    void emit(Insn in) {
        switch (in.op()) {
            case NEG: unary(in, "neg"); break;
            case ABS: unary(in, "abs"); break;
            case SQRT: unary(in, "sqrt"); break;
            case SIGN: sign(in.a()); break;
            case EXP: transcendental(in.a(), "EXP"); break;
            case LOG: transcendental(in.a(), "LOG"); break;
            case LOG2: log2(in.a()); break;
            case FLOOR: roundToWhole(in.a(), false); break;
            case CEIL: roundToWhole(in.a(), true); break;
            case ADD: binary(in, "add"); break;
            case SUB: binary(in, "sub"); break;
            case MUL: binary(in, "mul"); break;
            case DIV: binary(in, "div"); break;
            // FloatVector.min/max are lanewise Math.min/Math.max: NaN wins, -0 < +0.
            case MIN: binary(in, "min"); break;
            case MAX: binary(in, "max"); break;
            case POW:
                load(in.a());
                ga.getStatic(OPERATORS, "POW", BINARY);
                load(in.b());
                VectorApi.floatOp(ga, "lanewise", BINARY, VECTOR);
                break;
            case LT: case LE: case GT: case GE: case EQ: case NE:
                load(in.a());
                ga.getStatic(OPERATORS, in.op().name(), VectorApi.COMPARISON);
                load(in.b());
                VectorApi.compareVector(ga);
                break;
            case AND: load(in.a()); load(in.b()); VectorApi.maskOp(ga, "and"); break;
            case OR: load(in.a()); load(in.b()); VectorApi.maskOp(ga, "or"); break;
            case NOT:
                load(in.a());
                ga.invokeVirtual(MASK, new Method("not", MASK, new Type[0]));
                break;
            case SELECT:
                // a ? b : c  ==  c.blend(b, a)
                load(in.c());
                load(in.b());
                load(in.a());
                VectorApi.blend(ga);
                break;
            default:
                throw new IllegalArgumentException("not a per-weight vector operation: " + in);
        }
    }

    private void load(int insn) {
        ga.loadLocal(local[insn]);
    }

    private void unary(Insn in, String method) {
        load(in.a());
        VectorApi.floatOp(ga, method);
    }

    private void binary(Insn in, String method) {
        load(in.a());
        load(in.b());
        VectorApi.floatOp(ga, method, VECTOR);
    }

    /**
     * {@code Math.signum} on the float's bits, with integer lanewise operations only:
     * where x is neither zero nor NaN (the magnitude bits m satisfy 1 <= m <= 0x7f800000,
     * that is t = m - 1 lies in [0, 0x7f7fffff]), the result is 1.0 with x's sign bit;
     * elsewhere x itself. The range test is sign bits: {@code t | (0x7f7fffff - t)} is
     * negative exactly when t is outside it, and an arithmetic shift by 31 spreads that
     * into an all-ones lane. Compare masks and blends would do the same, but on JDK 17's
     * C2 a mask on AVX-512 lives in a vector register and every blend converts it; the
     * bit form made sign-heavy rules (AddSign, PowerSign, Lion) markedly faster there.
     */
    private void sign(int x) {
        int bits = ga.newLocal(INT_VECTOR);
        int t = ga.newLocal(INT_VECTOR);
        load(x);
        ga.invokeVirtual(FLOAT_VECTOR, new Method("viewAsIntegralLanes", INT_VECTOR, new Type[0]));
        ga.storeLocal(bits);
        // t = (bits & 0x7fffffff) - 1
        ga.loadLocal(bits);
        intOp("and", 0x7fff_ffff);
        intOp("sub", 1);
        ga.storeLocal(t);
        // outside = (t | (0x7f7fffff - t)) >> 31  (arithmetic: all ones where x is zero or NaN)
        int outside = ga.newLocal(INT_VECTOR);
        ga.loadLocal(t);
        ga.loadLocal(t);
        ga.invokeVirtual(INT_VECTOR, new Method("neg", INT_VECTOR, new Type[0]));
        intOp("add", 0x7f7f_ffff);
        intLanewise("OR");
        ga.getStatic(OPERATORS, "ASHR", BINARY);
        ga.push(31);
        ga.invokeVirtual(INT_VECTOR, new Method("lanewise", INT_VECTOR, new Type[] {BINARY, Type.INT_TYPE}));
        ga.storeLocal(outside);
        // unit = (bits & 0x80000000) | 0x3f800000: 1.0 with x's sign
        // result = bits ^ ((bits ^ unit) & ~outside)
        ga.loadLocal(bits);
        ga.loadLocal(bits);
        ga.loadLocal(bits);
        intOp("and", 0x8000_0000);
        intOp("or", 0x3f80_0000);
        intLanewise("XOR");
        ga.loadLocal(outside);
        intLanewise("AND_NOT");
        intLanewise("XOR");
        ga.invokeVirtual(INT_VECTOR, new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]));
    }

    /** {@code intVector.name(int)} for and, or, add, sub with the constant {@code operand}. */
    private void intOp(String name, int operand) {
        ga.push(operand);
        ga.invokeVirtual(INT_VECTOR, new Method(name, INT_VECTOR, new Type[] {Type.INT_TYPE}));
    }

    /**
     * {@code a.lanewise(VectorOperators.op, b)} for the two int vectors on the stack; OR and
     * XOR are declared {@code Associative}, AND_NOT {@code Binary}.
     */
    private void intLanewise(String op) {
        if (intScratch < 0) {
            intScratch = ga.newLocal(INT_VECTOR);
        }
        ga.storeLocal(intScratch);
        ga.getStatic(OPERATORS, op, op.equals("AND_NOT") ? BINARY : VectorApi.ASSOCIATIVE);
        ga.loadLocal(intScratch);
        ga.invokeVirtual(INT_VECTOR, new Method("lanewise", INT_VECTOR, new Type[] {BINARY, VECTOR}));
    }

    /** EXP, LOG: the Vector API's float intrinsics; within {@link Transcendentals#MAX_ULPS}. */
    private void transcendental(int x, String operator) {
        load(x);
        VectorApi.lanewiseUnary(ga, operator);
    }

    /**
     * {@code log(x) / ln 2} in float (within {@link Transcendentals#MAX_ULPS}), made exact
     * for powers of two like {@link org.optjit.runtime.MathOps#log2(double)}: where x is a
     * positive normal float with a zero mantissa, the result is its unbiased exponent.
     */
    private void log2(int x) {
        load(x);
        VectorApi.lanewiseUnary(ga, "LOG");
        ga.push(INV_LN2);
        VectorApi.floatOp(ga, "mul", Type.FLOAT_TYPE);
        // pow2 = x's bits with the mantissa and sign cleared: x itself iff x is a power of two
        int pow2 = ga.newLocal(INT_VECTOR);
        load(x);
        ga.invokeVirtual(FLOAT_VECTOR, new Method("viewAsIntegralLanes", INT_VECTOR, new Type[0]));
        ga.push(0x7f80_0000);
        ga.invokeVirtual(INT_VECTOR, new Method("and", INT_VECTOR, new Type[] {Type.INT_TYPE}));
        ga.storeLocal(pow2);
        // the exponent, as a float, without an int conversion: the biased exponent e
        // (pow2 >>> 23) as the mantissa of a float of exponent 23 is 2^23 + e exactly, so
        // float(bits 0x4b000000 | e) - (2^23 + 127) = e - 127
        ga.loadLocal(pow2);
        ga.getStatic(OPERATORS, "LSHR", BINARY);
        ga.push(23);
        ga.invokeVirtual(INT_VECTOR, new Method("lanewise", INT_VECTOR, new Type[] {BINARY, Type.INT_TYPE}));
        ga.push(0x4b00_0000);
        ga.invokeVirtual(INT_VECTOR, new Method("or", INT_VECTOR, new Type[] {Type.INT_TYPE}));
        ga.invokeVirtual(INT_VECTOR, new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]));
        ga.push(WHOLE + 127);
        VectorApi.floatOp(ga, "sub", Type.FLOAT_TYPE);
        // where x == pow2 && 0 < x < Inf (excludes zero, denormals, infinity, NaN)
        load(x);
        ga.getStatic(OPERATORS, "EQ", VectorApi.COMPARISON);
        ga.loadLocal(pow2);
        ga.invokeVirtual(INT_VECTOR, new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]));
        VectorApi.compareVector(ga);
        load(x);
        VectorApi.compareScalar(ga, "GT", 0f);
        VectorApi.maskOp(ga, "and");
        load(x);
        VectorApi.compareScalar(ga, "LT", Float.POSITIVE_INFINITY);
        VectorApi.maskOp(ga, "and");
        VectorApi.blend(ga);
    }

    /**
     * {@code Math.floor} / {@code Math.ceil}, exactly, without a rounding operator (the
     * Vector API of JDK 17 has none, and its float-to-int conversion is not compiled to
     * one instruction everywhere). Where 0 < |x| < 2^23: r = (x + m) - m with
     * m = copysign(2^23, x) is x rounded to a whole number (the sum has no fraction bits
     * left), then one step down (floor) where r > x or up (ceil) where r < x; ceil of a
     * negative number that reaches zero is -0. Elsewhere (zero, whole numbers beyond 2^23,
     * infinities, NaN) the result is x itself, as in {@code Math}.
     */
    private void roundToWhole(int x, boolean ceil) {
        int m = ga.newLocal(FLOAT_VECTOR);
        int r = ga.newLocal(FLOAT_VECTOR);
        // m = x.broadcast(2^23).blend(-2^23, x < 0)
        load(x);
        ga.push(WHOLE);
        VectorApi.floatOp(ga, "broadcast", Type.FLOAT_TYPE);
        ga.push(-WHOLE);
        load(x);
        VectorApi.compareScalar(ga, "LT", 0f);
        VectorApi.blendScalar(ga);
        ga.storeLocal(m);
        // r = (x + m) - m
        load(x);
        ga.loadLocal(m);
        VectorApi.floatOp(ga, "add", VECTOR);
        ga.loadLocal(m);
        VectorApi.floatOp(ga, "sub", VECTOR);
        ga.storeLocal(r);
        // r = r.blend(r -/+ 1, r >/< x)
        ga.loadLocal(r);
        ga.loadLocal(r);
        ga.push(1f);
        VectorApi.floatOp(ga, ceil ? "add" : "sub", Type.FLOAT_TYPE);
        ga.loadLocal(r);
        ga.getStatic(OPERATORS, ceil ? "LT" : "GT", VectorApi.COMPARISON);
        load(x);
        VectorApi.compareVector(ga);
        VectorApi.blend(ga);
        if (ceil) {
            // r = r.blend(-0, r == 0 && x < 0)
            ga.storeLocal(r);
            ga.loadLocal(r);
            ga.push(-0f);
            ga.loadLocal(r);
            VectorApi.compareScalar(ga, "EQ", 0f);
            load(x);
            VectorApi.compareScalar(ga, "LT", 0f);
            VectorApi.maskOp(ga, "and");
            VectorApi.blendScalar(ga);
        }
        ga.storeLocal(r);
        // x.blend(r, |x| < 2^23 && x != 0)
        load(x);
        ga.loadLocal(r);
        load(x);
        VectorApi.floatOp(ga, "abs");
        VectorApi.compareScalar(ga, "LT", WHOLE);
        load(x);
        VectorApi.compareScalar(ga, "NE", 0f);
        VectorApi.maskOp(ga, "and");
        VectorApi.blend(ga);
    }
}

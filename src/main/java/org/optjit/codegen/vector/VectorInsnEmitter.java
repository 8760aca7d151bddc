package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.BINARY;
import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.INT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.MASK;
import static org.optjit.codegen.vector.VectorApi.OPERATORS;
import static org.optjit.codegen.vector.VectorApi.VECTOR;

import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.optjit.codegen.MethodEmitter;
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

    private static final Method AS_INTS = new Method("viewAsIntegralLanes", INT_VECTOR, new Type[0]);
    private static final Method AS_FLOATS = new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]);
    private static final Method INT_NEG = new Method("neg", INT_VECTOR, new Type[0]);
    private static final String INT_SCALAR_OP = Type.getMethodDescriptor(INT_VECTOR, Type.INT_TYPE);
    private static final Method INT_LANEWISE = new Method("lanewise", INT_VECTOR, new Type[] {BINARY, VECTOR});
    private static final Method INT_LANEWISE_SCALAR = new Method("lanewise", INT_VECTOR,
            new Type[] {BINARY, Type.INT_TYPE});

    private final MethodEmitter m;
    private final int[] local;

    /** @param local the local variable holding each instruction's value, by instruction index */
    VectorInsnEmitter(MethodEmitter m, int[] local) {
        this.m = m;
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
            case COS: transcendental(in.a(), "COS"); break;
            case SIN: transcendental(in.a(), "SIN"); break;
            case TANH: transcendental(in.a(), "TANH"); break;
            case MOD:
                // no lanewise float remainder in the Vector API: lane by lane, exact (rare per weight)
                load(in.a());
                load(in.b());
                m.invokeStatic(LANES, new Method("remainder", FLOAT_VECTOR, new Type[] {FLOAT_VECTOR, FLOAT_VECTOR}));
                break;
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
                m.getStatic(OPERATORS, "POW", BINARY);
                load(in.b());
                VectorApi.floatOp(m, "lanewise", VectorApi.LANEWISE_BINARY);
                break;
            case LT: case LE: case GT: case GE: case EQ: case NE:
                load(in.a());
                m.getStatic(OPERATORS, in.op().name(), VectorApi.COMPARISON);
                load(in.b());
                VectorApi.compareVector(m);
                break;
            case AND: load(in.a()); load(in.b()); VectorApi.maskOp(m, "and"); break;
            case OR: load(in.a()); load(in.b()); VectorApi.maskOp(m, "or"); break;
            case NOT:
                load(in.a());
                m.invokeVirtual(MASK, VectorApi.MASK_NOT);
                break;
            case SELECT:
                // a ? b : c  ==  c.blend(b, a)
                load(in.c());
                load(in.b());
                load(in.a());
                VectorApi.blend(m);
                break;
            default:
                throw new IllegalArgumentException("not a per-weight vector operation: " + in);
        }
    }

    private void load(int insn) {
        m.loadLocal(local[insn], FLOAT_VECTOR); // ALOAD, for a mask too
    }

    private void unary(Insn in, String method) {
        load(in.a());
        VectorApi.floatOp(m, method, VectorApi.UNARY_OP);
    }

    private void binary(Insn in, String method) {
        load(in.a());
        load(in.b());
        VectorApi.floatOp(m, method, VectorApi.VECTOR_OP);
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
        int bits = m.newLocal(INT_VECTOR);
        int t = m.newLocal(INT_VECTOR);
        int outside = m.newLocal(INT_VECTOR);
        int scratch = m.newLocal(INT_VECTOR);
        load(x);
        m.invokeVirtual(FLOAT_VECTOR, AS_INTS);
        m.storeLocal(bits, INT_VECTOR);
        // t = (bits & 0x7fffffff) - 1
        m.loadLocal(bits, INT_VECTOR);
        intOp("and", 0x7fff_ffff);
        intOp("sub", 1);
        m.storeLocal(t, INT_VECTOR);
        // outside = (t | (0x7f7fffff - t)) >> 31  (arithmetic: all ones where x is zero or NaN)
        m.loadLocal(t, INT_VECTOR);
        m.loadLocal(t, INT_VECTOR);
        m.invokeVirtual(INT_VECTOR, INT_NEG);
        intOp("add", 0x7f7f_ffff);
        intLanewise("OR", scratch);
        m.getStatic(OPERATORS, "ASHR", BINARY);
        m.push(31);
        m.invokeVirtual(INT_VECTOR, INT_LANEWISE_SCALAR);
        m.storeLocal(outside, INT_VECTOR);
        // unit = (bits & 0x80000000) | 0x3f800000: 1.0 with x's sign
        // result = bits ^ ((bits ^ unit) & ~outside)
        m.loadLocal(bits, INT_VECTOR);
        m.loadLocal(bits, INT_VECTOR);
        m.loadLocal(bits, INT_VECTOR);
        intOp("and", 0x8000_0000);
        intOp("or", 0x3f80_0000);
        intLanewise("XOR", scratch);
        m.loadLocal(outside, INT_VECTOR);
        intLanewise("AND_NOT", scratch);
        intLanewise("XOR", scratch);
        m.invokeVirtual(INT_VECTOR, AS_FLOATS);
    }

    /** {@code intVector.name(int)} for and, or, add, sub with the constant {@code operand}. */
    private void intOp(String name, int operand) {
        m.push(operand);
        m.invokeVirtual(INT_VECTOR, new Method(name, INT_SCALAR_OP));
    }

    /**
     * {@code a.lanewise(VectorOperators.op, b)} for the two int vectors on the stack, with
     * {@code scratch} holding b while the operator goes below it; OR and XOR are declared
     * {@code Associative}, AND_NOT {@code Binary}.
     */
    private void intLanewise(String op, int scratch) {
        m.storeLocal(scratch, INT_VECTOR);
        m.getStatic(OPERATORS, op, op.equals("AND_NOT") ? BINARY : VectorApi.ASSOCIATIVE);
        m.loadLocal(scratch, INT_VECTOR);
        m.invokeVirtual(INT_VECTOR, INT_LANEWISE);
    }

    private static final Type LANES = Type.getObjectType("org/optjit/codegen/vector/Lanes");

    /** EXP, LOG: the Vector API's float intrinsics; within {@link Transcendentals#MAX_ULPS}. */
    private void transcendental(int x, String operator) {
        load(x);
        VectorApi.lanewiseUnary(m, operator);
    }

    /**
     * {@code log(x) / ln 2} in float (within {@link Transcendentals#MAX_ULPS}), made exact
     * for powers of two like {@link org.optjit.runtime.MathOps#log2(double)}: where x is a
     * positive normal float with a zero mantissa, the result is its unbiased exponent.
     */
    private void log2(int x) {
        load(x);
        VectorApi.lanewiseUnary(m, "LOG");
        m.push(INV_LN2);
        VectorApi.floatOp(m, "mul", VectorApi.SCALAR_OP);
        // pow2 = x's bits with the mantissa and sign cleared: x itself iff x is a power of two
        int pow2 = m.newLocal(INT_VECTOR);
        load(x);
        m.invokeVirtual(FLOAT_VECTOR, new Method("viewAsIntegralLanes", INT_VECTOR, new Type[0]));
        m.push(0x7f80_0000);
        m.invokeVirtual(INT_VECTOR, new Method("and", INT_VECTOR, new Type[] {Type.INT_TYPE}));
        m.storeLocal(pow2, INT_VECTOR);
        // the exponent, as a float, without an int conversion: the biased exponent e
        // (pow2 >>> 23) as the mantissa of a float of exponent 23 is 2^23 + e exactly, so
        // float(bits 0x4b000000 | e) - (2^23 + 127) = e - 127
        m.loadLocal(pow2, INT_VECTOR);
        m.getStatic(OPERATORS, "LSHR", BINARY);
        m.push(23);
        m.invokeVirtual(INT_VECTOR, new Method("lanewise", INT_VECTOR, new Type[] {BINARY, Type.INT_TYPE}));
        m.push(0x4b00_0000);
        m.invokeVirtual(INT_VECTOR, new Method("or", INT_VECTOR, new Type[] {Type.INT_TYPE}));
        m.invokeVirtual(INT_VECTOR, new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]));
        m.push(WHOLE + 127);
        VectorApi.floatOp(m, "sub", VectorApi.SCALAR_OP);
        // where x == pow2 && 0 < x < Inf (excludes zero, denormals, infinity, NaN)
        load(x);
        m.getStatic(OPERATORS, "EQ", VectorApi.COMPARISON);
        m.loadLocal(pow2, INT_VECTOR);
        m.invokeVirtual(INT_VECTOR, new Method("viewAsFloatingLanes", FLOAT_VECTOR, new Type[0]));
        VectorApi.compareVector(m);
        load(x);
        VectorApi.compareScalar(m, "GT", 0f);
        VectorApi.maskOp(m, "and");
        load(x);
        VectorApi.compareScalar(m, "LT", Float.POSITIVE_INFINITY);
        VectorApi.maskOp(m, "and");
        VectorApi.blend(m);
    }

    /**
     * {@code Math.floor} / {@code Math.ceil}, exactly, without a rounding operator (the
     * Vector API of JDK 17 has none, and its float-to-int conversion is not compiled to
     * one instruction everywhere). Where 0 < |x| < 2^23: r = (x + mag) - mag with
     * mag = copysign(2^23, x) is x rounded to a whole number (the sum has no fraction bits
     * left), then one step down (floor) where r > x or up (ceil) where r < x; ceil of a
     * negative number that reaches zero is -0. Elsewhere (zero, whole numbers beyond 2^23,
     * infinities, NaN) the result is x itself, as in {@code Math}.
     */
    private void roundToWhole(int x, boolean ceil) {
        int mag = m.newLocal(FLOAT_VECTOR);
        int r = m.newLocal(FLOAT_VECTOR);
        // mag = x.broadcast(2^23).blend(-2^23, x < 0)
        load(x);
        m.push(WHOLE);
        VectorApi.floatOp(m, "broadcast", VectorApi.SCALAR_OP);
        m.push(-WHOLE);
        load(x);
        VectorApi.compareScalar(m, "LT", 0f);
        VectorApi.blendScalar(m);
        m.storeLocal(mag, FLOAT_VECTOR);
        // r = (x + mag) - mag
        load(x);
        m.loadLocal(mag, FLOAT_VECTOR);
        VectorApi.floatOp(m, "add", VectorApi.VECTOR_OP);
        m.loadLocal(mag, FLOAT_VECTOR);
        VectorApi.floatOp(m, "sub", VectorApi.VECTOR_OP);
        m.storeLocal(r, FLOAT_VECTOR);
        // r = r.blend(r -/+ 1, r >/< x)
        m.loadLocal(r, FLOAT_VECTOR);
        m.loadLocal(r, FLOAT_VECTOR);
        m.push(1f);
        VectorApi.floatOp(m, ceil ? "add" : "sub", VectorApi.SCALAR_OP);
        m.loadLocal(r, FLOAT_VECTOR);
        m.getStatic(OPERATORS, ceil ? "LT" : "GT", VectorApi.COMPARISON);
        load(x);
        VectorApi.compareVector(m);
        VectorApi.blend(m);
        if (ceil) {
            // r = r.blend(-0, r == 0 && x < 0)
            m.storeLocal(r, FLOAT_VECTOR);
            m.loadLocal(r, FLOAT_VECTOR);
            m.push(-0f);
            m.loadLocal(r, FLOAT_VECTOR);
            VectorApi.compareScalar(m, "EQ", 0f);
            load(x);
            VectorApi.compareScalar(m, "LT", 0f);
            VectorApi.maskOp(m, "and");
            VectorApi.blendScalar(m);
        }
        m.storeLocal(r, FLOAT_VECTOR);
        // x.blend(r, |x| < 2^23 && x != 0)
        load(x);
        m.loadLocal(r, FLOAT_VECTOR);
        load(x);
        VectorApi.floatOp(m, "abs", VectorApi.UNARY_OP);
        VectorApi.compareScalar(m, "LT", WHOLE);
        load(x);
        VectorApi.compareScalar(m, "NE", 0f);
        VectorApi.maskOp(m, "and");
        VectorApi.blend(m);
    }
}

package org.optjit.codegen.vector;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Output;
import org.optjit.runtime.MathOps;

/**
 * Emits the scalar loop that finishes a range after the last whole vector: the body in
 * float32 with exactly the interpreter's semantics, one weight at a time. Truth values are
 * ints 0/1. It lives in its own static method so the vector loop stays small enough for
 * C2 (which does not compile methods above 8,000 bytes of bytecode).
 *
 * <p>Arguments: {@code (float[] w, float[] g, float[][] state, float[] uniforms, int from, int to)}.
 */
final class ScalarTailEmitter {

    private static final Type MATH = Type.getType(Math.class);
    private static final Type MATH_OPS = Type.getType(MathOps.class);
    private static final Method F_F_ABS = Method.getMethod("float abs(float)");
    private static final Method F_F_SIGNUM = Method.getMethod("float signum(float)");
    private static final Method D_D_SQRT = Method.getMethod("double sqrt(double)");
    private static final Method D_D_FLOOR = Method.getMethod("double floor(double)");
    private static final Method D_D_CEIL = Method.getMethod("double ceil(double)");
    private static final Method F_FF_MIN = Method.getMethod("float min(float, float)");
    private static final Method F_FF_MAX = Method.getMethod("float max(float, float)");

    private ScalarTailEmitter() {
    }

    /** Emits the whole method body into {@code ga}. */
    static void emit(GeneratorAdapter ga, Block body) {
        int[] states = VectorCompiler.loadStateArrays(ga, body);
        int i = ga.newLocal(Type.INT_TYPE);
        ga.loadArg(4);
        ga.storeLocal(i);
        int[] local = new int[body.size()];
        Label test = new Label();
        Label top = new Label();
        ga.goTo(test);
        ga.mark(top);
        for (int k = 0; k < body.size(); k++) {
            Insn in = body.insn(k);
            Type type = in.op().type() == org.optjit.ir.Op.Type.BOOL ? Type.INT_TYPE : Type.FLOAT_TYPE;
            local[k] = ga.newLocal(type);
            emitInsn(ga, in, local, states, i);
            ga.storeLocal(local[k]);
        }
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.WEIGHT) {
                ga.loadArg(0);
            } else if (o.target() == Output.Target.STATE) {
                ga.loadLocal(states[o.slot()]);
            } else {
                continue;
            }
            ga.loadLocal(i);
            ga.loadLocal(local[o.value()]);
            ga.arrayStore(Type.FLOAT_TYPE);
        }
        ga.iinc(i, 1);
        ga.mark(test);
        ga.loadLocal(i);
        ga.loadArg(5);
        ga.ifICmp(GeneratorAdapter.LT, top);
        ga.returnValue();
    }

    private static void emitInsn(GeneratorAdapter ga, Insn in, int[] local, int[] states, int i) {
        switch (in.op()) {
            case CONST: ga.push((float) in.value()); return;
            case LOAD_W: loadElement(ga, () -> ga.loadArg(0), i); return;
            case LOAD_G: loadElement(ga, () -> ga.loadArg(1), i); return;
            case LOAD_S: loadElement(ga, () -> ga.loadLocal(states[in.slot()]), i); return;
            case UNIFORM: uniform(ga, in.slot()); return;
            case UNIFORM_BOOL:
                uniform(ga, in.slot());
                ga.push(0f);
                truth(ga, Opcodes.FCMPL, GeneratorAdapter.NE);
                return;
            default:
                break;
        }
        for (int k = 0; k < in.op().arity(); k++) {
            if (in.op() != org.optjit.ir.Op.SELECT || k == 0) {
                ga.loadLocal(local[in.operand(k)]);
            }
        }
        switch (in.op()) {
            case NEG: ga.math(GeneratorAdapter.NEG, Type.FLOAT_TYPE); break;
            case ABS: ga.invokeStatic(MATH, F_F_ABS); break;
            case SIGN: ga.invokeStatic(MATH, F_F_SIGNUM); break;
            case SQRT: viaDouble(ga, D_D_SQRT); break;
            case FLOOR: viaDouble(ga, D_D_FLOOR); break;
            case CEIL: viaDouble(ga, D_D_CEIL); break;
            case EXP: ga.invokeStatic(MATH_OPS, Method.getMethod("float exp(float)")); break;
            case LOG: ga.invokeStatic(MATH_OPS, Method.getMethod("float log(float)")); break;
            case LOG2: ga.invokeStatic(MATH_OPS, Method.getMethod("float log2(float)")); break;
            case POW: ga.invokeStatic(MATH_OPS, Method.getMethod("float pow(float, float)")); break;
            case ADD: ga.math(GeneratorAdapter.ADD, Type.FLOAT_TYPE); break;
            case SUB: ga.math(GeneratorAdapter.SUB, Type.FLOAT_TYPE); break;
            case MUL: ga.math(GeneratorAdapter.MUL, Type.FLOAT_TYPE); break;
            case DIV: ga.math(GeneratorAdapter.DIV, Type.FLOAT_TYPE); break;
            case MIN: ga.invokeStatic(MATH, F_FF_MIN); break;
            case MAX: ga.invokeStatic(MATH, F_FF_MAX); break;
            // fcmpg puts NaN above everything, fcmpl below: either way NaN compares false
            // (and != true), as in Java source.
            case LT: truth(ga, Opcodes.FCMPG, GeneratorAdapter.LT); break;
            case LE: truth(ga, Opcodes.FCMPG, GeneratorAdapter.LE); break;
            case GT: truth(ga, Opcodes.FCMPL, GeneratorAdapter.GT); break;
            case GE: truth(ga, Opcodes.FCMPL, GeneratorAdapter.GE); break;
            case EQ: truth(ga, Opcodes.FCMPL, GeneratorAdapter.EQ); break;
            case NE: truth(ga, Opcodes.FCMPL, GeneratorAdapter.NE); break;
            case AND: ga.math(GeneratorAdapter.AND, Type.INT_TYPE); break;
            case OR: ga.math(GeneratorAdapter.OR, Type.INT_TYPE); break;
            case NOT: ga.push(1); ga.math(GeneratorAdapter.XOR, Type.INT_TYPE); break;
            case SELECT: {
                Label no = new Label();
                Label done = new Label();
                ga.ifZCmp(GeneratorAdapter.EQ, no);
                ga.loadLocal(local[in.b()]);
                ga.goTo(done);
                ga.mark(no);
                ga.loadLocal(local[in.c()]);
                ga.mark(done);
                break;
            }
            default:
                throw new IllegalArgumentException("not a per-weight operation: " + in);
        }
    }

    private static void loadElement(GeneratorAdapter ga, Runnable array, int i) {
        array.run();
        ga.loadLocal(i);
        ga.arrayLoad(Type.FLOAT_TYPE);
    }

    private static void uniform(GeneratorAdapter ga, int slot) {
        ga.loadArg(3);
        ga.push(slot);
        ga.arrayLoad(Type.FLOAT_TYPE);
    }

    /** {@code (float) Math.f((double) x)}: exact for sqrt, floor and ceil of a float. */
    private static void viaDouble(GeneratorAdapter ga, Method f) {
        ga.cast(Type.FLOAT_TYPE, Type.DOUBLE_TYPE);
        ga.invokeStatic(MATH, f);
        ga.cast(Type.DOUBLE_TYPE, Type.FLOAT_TYPE);
    }

    /** Compares the two floats on the stack with {@code cmp} and pushes 1 if {@code mode} holds, else 0. */
    private static void truth(GeneratorAdapter ga, int cmp, int mode) {
        Label yes = new Label();
        Label done = new Label();
        ga.visitInsn(cmp);
        ga.ifZCmp(mode, yes);
        ga.push(0);
        ga.goTo(done);
        ga.mark(yes);
        ga.push(1);
        ga.mark(done);
    }
}

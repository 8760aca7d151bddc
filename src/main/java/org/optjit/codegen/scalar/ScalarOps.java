package org.optjit.codegen.scalar;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.optjit.codegen.MethodEmitter;
import org.optjit.ir.Op;
import org.optjit.runtime.MathOps;

/**
 * The bytecode of each operation of the IR in float32, with its operands already on the
 * stack. Every case matches {@link org.optjit.interp.Interpreter} exactly (see {@link Op}).
 *
 * <p>Truth values are ints, 1 or 0. A comparison yields one without a branch: {@code
 * FCMPL}/{@code FCMPG} leave -1, 0 or 1 and differ only in what NaN gives (-1 and 1), so
 * each comparison picks the variant that makes NaN false and then turns the -1/0/1 into
 * its bit with shifts (JVMS 6.5 fcmp&lt;op&gt;).
 */
final class ScalarOps {

    private static final String F_F = "(F)F";
    private static final String FF_F = "(FF)F";
    private static final String D_D = "(D)D";

    private ScalarOps() {
    }

    /** A numeric operation of one or two float operands. */
    static void numeric(MethodEmitter m, Op op) {
        switch (op) {
            case NEG: m.math(Opcodes.INEG, Type.FLOAT_TYPE); break;
            case ABS: m.invokeStatic(Math.class, "abs", F_F); break;
            // float32 sqrt is correctly rounded, so (float) Math.sqrt((double) x) is exactly it
            case SQRT: viaDouble(m, "sqrt"); break;
            case SIGN: m.invokeStatic(Math.class, "signum", F_F); break;
            case FLOOR: viaDouble(m, "floor"); break;
            case CEIL: viaDouble(m, "ceil"); break;
            case EXP: m.invokeStatic(MathOps.class, "exp", F_F); break;
            case LOG: m.invokeStatic(MathOps.class, "log", F_F); break;
            case LOG2: m.invokeStatic(MathOps.class, "log2", F_F); break;
            case COS: m.invokeStatic(MathOps.class, "cos", F_F); break;
            case SIN: m.invokeStatic(MathOps.class, "sin", F_F); break;
            case TANH: m.invokeStatic(MathOps.class, "tanh", F_F); break;
            // Java's float remainder (frem) is exact, like the interpreter's a % b
            case MOD: m.insn(Opcodes.FREM); break;
            case ADD: m.math(Opcodes.IADD, Type.FLOAT_TYPE); break;
            case SUB: m.math(Opcodes.ISUB, Type.FLOAT_TYPE); break;
            case MUL: m.math(Opcodes.IMUL, Type.FLOAT_TYPE); break;
            case DIV: m.math(Opcodes.IDIV, Type.FLOAT_TYPE); break;
            case MIN: m.invokeStatic(Math.class, "min", FF_F); break;
            case MAX: m.invokeStatic(Math.class, "max", FF_F); break;
            case POW: m.invokeStatic(MathOps.class, "pow", FF_F); break;
            default: throw new IllegalArgumentException("not a numeric operation: " + op);
        }
    }

    private static void viaDouble(MethodEmitter m, String method) {
        m.insn(Opcodes.F2D);
        m.invokeStatic(Math.class, method, D_D);
        m.insn(Opcodes.D2F);
    }

    /** A logic operation of one or two int truth values. */
    static void logic(MethodEmitter m, Op op) {
        switch (op) {
            case AND: m.math(Opcodes.IAND, Type.INT_TYPE); break;
            case OR: m.math(Opcodes.IOR, Type.INT_TYPE); break;
            case NOT: m.push(1); m.math(Opcodes.IXOR, Type.INT_TYPE); break;
            default: throw new IllegalArgumentException("not a logic operation: " + op);
        }
    }

    /**
     * The float comparison instruction for {@code op}: the one whose NaN result lands on
     * the false side ({@code FCMPG} gives 1 for NaN, right for {@code <} and {@code <=};
     * {@code FCMPL} gives -1, right for the others). This is javac's choice too.
     */
    static int compareInsn(Op op) {
        return op == Op.LT || op == Op.LE ? Opcodes.FCMPG : Opcodes.FCMPL;
    }

    /** The jump, after {@link #compareInsn}, taken exactly when {@code op} is false. */
    static int jumpIfFalse(Op op) {
        switch (op) {
            case LT: return Opcodes.IFGE;
            case LE: return Opcodes.IFGT;
            case GT: return Opcodes.IFLE;
            case GE: return Opcodes.IFLT;
            case EQ: return Opcodes.IFNE;
            case NE: return Opcodes.IFEQ;
            default: throw new IllegalArgumentException("not a comparison: " + op);
        }
    }

    /**
     * A comparison as an int 1 or 0, from two floats on the stack, without a branch. With
     * c the result of {@link #compareInsn} (-1, 0, 1; NaN already mapped to the false end):
     * {@code <} is c &gt;&gt;&gt; 31, {@code <=} is (c - 1) &gt;&gt;&gt; 31, {@code >} is -c
     * &gt;&gt;&gt; 31, {@code >=} is ~c &gt;&gt;&gt; 31, {@code ==} is c*c ^ 1 and {@code !=}
     * is c*c.
     */
    static void comparisonValue(MethodEmitter m, Op op) {
        m.insn(compareInsn(op));
        switch (op) {
            case LT: break;
            case LE: m.push(1); m.math(Opcodes.ISUB, Type.INT_TYPE); break;
            case GT: m.math(Opcodes.INEG, Type.INT_TYPE); break;
            case GE: m.push(-1); m.math(Opcodes.IXOR, Type.INT_TYPE); break;
            case EQ: case NE:
                m.insn(Opcodes.DUP);
                m.math(Opcodes.IMUL, Type.INT_TYPE);
                if (op == Op.EQ) {
                    m.push(1);
                    m.math(Opcodes.IXOR, Type.INT_TYPE);
                }
                return;
            default: throw new IllegalArgumentException("not a comparison: " + op);
        }
        m.push(31);
        m.math(Opcodes.IUSHR, Type.INT_TYPE);
    }
}

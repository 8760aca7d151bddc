package org.optjit.interp;

import java.util.List;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.MathOps;

/**
 * The reference interpreter: evaluates IR blocks with exactly the semantics documented on
 * {@link Op}. It is the oracle every other backend is tested against, so it is written
 * for clarity, one instruction at a time.
 *
 * <p>Truth values are carried as 1 and 0 in the same value arrays as numbers.
 */
public final class Interpreter implements LoopKernel {

    private final Block body;
    private final Insn[] insns;
    private final Output[] outputs;

    public Interpreter(Block body) {
        this.body = body;
        this.insns = body.insns().toArray(new Insn[0]);
        this.outputs = body.outputs().toArray(new Output[0]);
    }

    public Block body() {
        return body;
    }

    /**
     * Evaluates a prelude in double and rounds its exports to float, as every backend's
     * loop expects them.
     *
     * @param prelude the scalar block
     * @param hypers  hyperparameter values by slot
     * @param t       the step number
     * @param count   the number of uniforms ({@code Program.uniformCount()})
     */
    public static float[] uniforms(Block prelude, double[] hypers, long t, int count) {
        double[] v = evalPrelude(prelude, hypers, t);
        float[] uniforms = new float[count];
        for (Output o : prelude.outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                uniforms[o.slot()] = (float) v[o.value()];
            }
        }
        return uniforms;
    }

    /** The values of every instruction of a prelude, evaluated in double. */
    public static double[] evalPrelude(Block prelude, double[] hypers, long t) {
        List<Insn> insns = prelude.insns();
        double[] v = new double[insns.size()];
        for (int i = 0; i < v.length; i++) {
            Insn in = insns.get(i);
            double a = in.a() >= 0 ? v[in.a()] : 0;
            double b = in.b() >= 0 ? v[in.b()] : 0;
            switch (in.op()) {
                case CONST: v[i] = in.value(); break;
                case HYPER: v[i] = hypers[in.slot()]; break;
                case STEP: v[i] = t; break;
                case SELECT: v[i] = a != 0 ? b : v[in.c()]; break;
                case LOAD_W: case LOAD_G: case LOAD_S: case UNIFORM: case UNIFORM_BOOL:
                    throw new IllegalArgumentException("per-weight operation in a prelude: " + in);
                default: v[i] = apply(in.op(), a, b);
            }
        }
        return v;
    }

    /** A numeric, comparison or logic operation in double; truth values are 1 and 0. */
    public static double apply(Op op, double a, double b) {
        switch (op) {
            case NEG: return -a;
            case ABS: return Math.abs(a);
            case SQRT: return Math.sqrt(a);
            case SIGN: return Math.signum(a);
            case EXP: return Math.exp(a);
            case LOG: return Math.log(a);
            case LOG2: return MathOps.log2(a);
            case FLOOR: return Math.floor(a);
            case CEIL: return Math.ceil(a);
            case COS: return Math.cos(a);
            case SIN: return Math.sin(a);
            case TANH: return Math.tanh(a);
            case MOD: return a % b;
            case FLOAT: return (float) a;
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case POW: return Math.pow(a, b);
            case LT: return truth(a < b);
            case LE: return truth(a <= b);
            case GT: return truth(a > b);
            case GE: return truth(a >= b);
            case EQ: return truth(a == b);
            case NE: return truth(a != b);
            case AND: return truth(a != 0 && b != 0);
            case OR: return truth(a != 0 || b != 0);
            case NOT: return truth(a == 0);
            default: throw new IllegalArgumentException("not a scalar operation: " + op);
        }
    }

    /** The same operation in float32. */
    static float apply(Op op, float a, float b) {
        switch (op) {
            case NEG: return -a;
            case ABS: return Math.abs(a);
            case SQRT: return (float) Math.sqrt(a);
            case SIGN: return Math.signum(a);
            case EXP: return MathOps.exp(a);
            case LOG: return MathOps.log(a);
            case LOG2: return MathOps.log2(a);
            case FLOOR: return (float) Math.floor(a);
            case CEIL: return (float) Math.ceil(a);
            case COS: return MathOps.cos(a);
            case SIN: return MathOps.sin(a);
            case TANH: return MathOps.tanh(a);
            case MOD: return a % b;
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case POW: return MathOps.pow(a, b);
            case LT: return truthF(a < b);
            case LE: return truthF(a <= b);
            case GT: return truthF(a > b);
            case GE: return truthF(a >= b);
            case EQ: return truthF(a == b);
            case NE: return truthF(a != b);
            case AND: return truthF(a != 0 && b != 0);
            case OR: return truthF(a != 0 || b != 0);
            case NOT: return truthF(a == 0);
            default: throw new IllegalArgumentException("not a per-weight operation: " + op);
        }
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }

    private static float truthF(boolean b) {
        return b ? 1f : 0f;
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to) {
        run(w, g, state, uniforms, from, to, from);
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin) {
        float[] v = new float[insns.length];
        for (int i = from; i < to; i++) {
            for (int k = 0; k < insns.length; k++) {
                Insn in = insns[k];
                switch (in.op()) {
                    case CONST: v[k] = (float) in.value(); break;
                    case LOAD_W: v[k] = w[i]; break;
                    case LOAD_G: v[k] = g[i]; break;
                    case LOAD_S: v[k] = state[in.slot()][i]; break;
                    case LOAD_R: v[k] = state[in.slot()][i - from]; break;
                    case LOAD_K: v[k] = state[in.slot()][i - origin]; break;
                    case UNIFORM: v[k] = uniforms[in.slot()]; break;
                    case UNIFORM_BOOL: v[k] = uniforms[in.slot()] != 0 ? 1f : 0f; break;
                    case SELECT: v[k] = v[in.a()] != 0 ? v[in.b()] : v[in.c()]; break;
                    case HYPER: case STEP:
                        throw new IllegalArgumentException("scalar operation in a per-weight block: " + in);
                    default:
                        v[k] = apply(in.op(), in.a() >= 0 ? v[in.a()] : 0f, in.b() >= 0 ? v[in.b()] : 0f);
                }
            }
            // Stores come after every load of this weight (see Program).
            for (Output o : outputs) {
                if (o.target() == Output.Target.WEIGHT) {
                    w[i] = v[o.value()];
                } else if (o.target() == Output.Target.STATE) {
                    state[o.slot()][i] = v[o.value()];
                } else if (o.target() == Output.Target.SCRATCH) {
                    state[o.slot()][i - from] = v[o.value()];
                } else if (o.target() == Output.Target.KEPT) {
                    state[o.slot()][i - origin] = v[o.value()];
                }
            }
        }
    }
}

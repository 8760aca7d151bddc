package org.optjit.codegen.scalar;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.CountedLoop;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.KernelClasses;
import org.optjit.codegen.KernelCompiler;
import org.optjit.codegen.LoopInputs;
import org.optjit.codegen.MethodEmitter;
import org.optjit.codegen.MethodLimit;
import org.optjit.ir.Program;

/**
 * The SCALAR backend: one hidden class per rule whose {@code run} is the loop a careful
 * person would write by hand,
 * <pre>
 * float[] s0 = state[0]; float u0 = uniforms[0]; ...
 * for (int i = from; i &lt; to; i++) {
 *     float v3 = s0[i] * u0 + g[i]; ...   // the body, in float32, in program order
 *     w[i] = ...; s0[i] = v3;              // stores after every load of this weight
 * }
 * </pre>
 * with every state array of the rule fused into the one pass. The body's expressions are
 * emitted by {@link ScalarBody}, laid out by {@link StatementPlan}; a large body is split
 * into several methods that the loop calls for each weight.
 */
public final class ScalarCompiler implements KernelCompiler {

    static final String BACKEND = "SCALAR";
    static final String PART = "part";
    /** {@code partK(w, g, state, uniforms, scratch, i, base, origin)}. */
    static final String PART_DESCRIPTOR = "([F[F[[F[F[FIII)V";

    @Override
    public GeneratedKernel compile(Program program) {
        return KernelClasses.define(generate(program));
    }

    /**
     * The class file of the kernel for {@code program}, not yet defined.
     *
     * @throws org.optjit.RuleException when the body is too large for one JVM method
     */
    public byte[] generate(Program program) {
        BodyInfo info = BodyInfo.of(program.body());
        MethodLimit.requireFits(program.name(), BACKEND, info.liveCount());
        KernelClassWriter cls = new KernelClassWriter(BACKEND, program.name());
        emitLoop(cls, cls.beginRun(), info, KernelClassWriter.FROM);
        return cls.finish(info.liveCount());
    }

    /**
     * Emits the whole scalar loop over {@code [from, to)} into {@code m}, a method of
     * {@code cls} whose locals begin as {@code run}'s ({@link KernelClassWriter#beginRun},
     * {@link KernelClassWriter#beginPartLoopMethod}), adding the part methods to {@code cls}
     * when the body is split. The VECTOR backend uses this for its tail, so the tail is this
     * very loop.
     *
     * @param base the int local that relative arrays other than the kept ones are indexed from
     */
    public static void emitLoop(KernelClassWriter cls, MethodEmitter m, BodyInfo info, int base) {
        StatementPlan plan = new StatementPlan(info);
        if (plan.isSplit()) {
            emitSplit(cls, m, plan, base);
        } else {
            LoopInputs inputs = LoopInputs.load(m, info);
            CountedLoop loop = CountedLoop.begin(m, KernelClassWriter.FROM, KernelClassWriter.TO);
            new ScalarBody(m, plan, inputs, new ScalarBody.Slots(KernelClassWriter.W, KernelClassWriter.G,
                    loop.index(), -1, base, KernelClassWriter.ORIGIN)).emitPart(0);
            loop.end(1);
        }
        m.returnVoid();
    }

    /**
     * A large body: {@code run} allocates the scratch array once and its loop calls the
     * parts, {@code private static void partK(w, g, state, uniforms, scratch, i, base, origin)},
     * in order.
     */
    private static void emitSplit(KernelClassWriter cls, MethodEmitter run, StatementPlan plan, int base) {
        run.push(plan.spillCount());
        run.newFloatArray();
        int scratch = run.newLocal(KernelClassWriter.FLOAT_ARRAY);
        run.storeLocal(scratch, KernelClassWriter.FLOAT_ARRAY);
        CountedLoop loop = CountedLoop.begin(run, KernelClassWriter.FROM, KernelClassWriter.TO);
        for (int k = 0; k < plan.parts().size(); k++) {
            for (int arg = KernelClassWriter.W; arg <= KernelClassWriter.UNIFORMS; arg++) {
                run.loadLocal(arg, KernelClassWriter.FLOAT_ARRAY); // ALOAD for every reference type
            }
            run.loadLocal(scratch, KernelClassWriter.FLOAT_ARRAY);
            run.loadLocal(loop.index(), Type.INT_TYPE);
            run.loadLocal(base, Type.INT_TYPE);
            run.loadLocal(KernelClassWriter.ORIGIN, Type.INT_TYPE);
            run.invokeStatic(cls.internalName(), PART + k, PART_DESCRIPTOR);
        }
        loop.end(1);
        for (int k = 0; k < plan.parts().size(); k++) {
            MethodEmitter part = cls.beginMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, PART + k, PART_DESCRIPTOR,
                    KernelClassWriter.FLOAT_ARRAY, KernelClassWriter.FLOAT_ARRAY, KernelClassWriter.FLOAT_ARRAY_2D,
                    KernelClassWriter.FLOAT_ARRAY, KernelClassWriter.FLOAT_ARRAY, Type.INT_TYPE, Type.INT_TYPE,
                    Type.INT_TYPE);
            LoopInputs inputs = LoopInputs.load(part, plan.info(), 2, 3);
            new ScalarBody(part, plan, inputs, new ScalarBody.Slots(0, 1, 5, 4, 6, 7)).emitPart(k);
            part.returnVoid();
            cls.endMethod(part);
        }
    }
}

package org.optjit.codegen.vector;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;
import org.optjit.RuleException;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelClasses;
import org.optjit.codegen.KernelCompiler;
import org.optjit.codegen.MethodLimit;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * The VECTOR backend: compiles a program's per-weight body into a hidden class whose
 * {@link LoopKernel#run} loops over {@code jdk.incubator.vector.FloatVector}s of the
 * preferred species (see {@link VectorLoopEmitter}; each operation is emitted by
 * {@link VectorInsnEmitter}), starting at a cache-line aligned index (see
 * {@link Alignment}); the weights before and after the whole vectors go through the
 * SCALAR backend's loop, copied into the class (see {@link ScalarTail}).
 *
 * <p>Results equal the interpreter's bit for bit (every NaN counted as one value) for
 * everything but EXP, LOG, LOG2 and POW, which use the Vector API's float intrinsics in
 * the vector loop and may differ by {@link Transcendentals#MAX_ULPS}; the scalar loop
 * computes them exactly.
 *
 * <p>Limits: a body that does not fit in one JVM method (64 KB of bytecode) is a
 * {@link RuleException}. Far below that, a {@code run} method above C2's 8,000-byte
 * limit (roughly 500 operations) is never compiled and runs in the interpreter, which for
 * Vector API code is very slow; every example rule is a small fraction of that.
 */
public final class VectorCompiler implements KernelCompiler {

    private static final Type OWNER = Type.getObjectType(KernelClasses.INTERNAL_PACKAGE + "VectorKernel");
    private static final Method RUN = Method.getMethod("void run(float[], float[], float[][], float[], int, int)");
    private static final String BACKEND = "VECTOR";

    @Override
    public GeneratedKernel compile(Program program) {
        return KernelClasses.define(generate(program));
    }

    /**
     * The class file for {@code program}'s body.
     *
     * @throws RuleException when the body does not fit in one JVM method
     * @throws IllegalArgumentException when the body is not a well-formed per-weight block
     */
    public static byte[] generate(Program program) {
        BodyInfo info = BodyInfo.of(program.body());
        MethodLimit.requireFits(program.name(), BACKEND, info.liveCount());
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // Frames only ever merge identical reference types here; never load classes.
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, OWNER.getInternalName(),
                null, "java/lang/Object", new String[] {Type.getInternalName(LoopKernel.class)});

        GeneratorAdapter init = new GeneratorAdapter(Opcodes.ACC_PUBLIC, Method.getMethod("void <init>()"), null,
                null, cw);
        init.loadThis();
        init.invokeConstructor(Type.getType(Object.class), Method.getMethod("void <init>()"));
        init.returnValue();
        init.endMethod();

        try {
            GeneratorAdapter run = new GeneratorAdapter(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, RUN, null, null, cw);
            VectorLoopEmitter.emit(run, info, OWNER);
            run.endMethod();
            ScalarTail.copyInto(cw, OWNER, program);
            cw.visitEnd();
            return cw.toByteArray();
        } catch (MethodTooLargeException | ClassTooLargeException | LimitExceededException | RuleException e) {
            // ASM reports the JVM's method limits at several points (operation count while
            // computing frames, code size while writing); the SCALAR tail has its own check.
            throw MethodLimit.tooLarge(program.name(), BACKEND, info.liveCount());
        }
    }

    /**
     * Copies {@code state[k]} (argument 2) into a local for every state array the body
     * uses, once before the loop, and returns those locals by slot.
     */
    static int[] loadStateArrays(GeneratorAdapter ga, Block body) {
        int[] states = new int[stateCount(body)];
        for (int k = 0; k < states.length; k++) {
            states[k] = ga.newLocal(Type.getType(float[].class));
            ga.loadArg(2);
            ga.push(k);
            ga.arrayLoad(Type.getType(float[].class));
            ga.storeLocal(states[k]);
        }
        return states;
    }

    /** One past the largest state slot the body loads or stores. */
    private static int stateCount(Block body) {
        int n = 0;
        for (Insn in : body.insns()) {
            if (in.op() == Op.LOAD_S) {
                n = Math.max(n, in.slot() + 1);
            }
        }
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.STATE) {
                n = Math.max(n, o.slot() + 1);
            }
        }
        return n;
    }
}

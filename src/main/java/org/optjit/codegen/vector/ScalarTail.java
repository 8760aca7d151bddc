package org.optjit.codegen.vector;

import org.objectweb.asm.Opcodes;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.MethodEmitter;
import org.optjit.codegen.scalar.ScalarCompiler;

/**
 * The tail of a vector kernel (the weights before the first aligned vector and after the
 * last whole one) is the SCALAR backend's loop itself, emitted by
 * {@link ScalarCompiler#emitLoop} into the vector kernel class as the private method
 * {@link #NAME}, with {@code run}'s signature. So the tail has the scalar semantics by
 * construction (bitwise the interpreter's, EXP/LOG/POW included), and the vector loop's
 * method stays small: C2 does not compile methods above 8,000 bytes of bytecode.
 *
 * <p>It is written straight into the class being generated, with its frames: generating
 * a SCALAR class and copying its method over (read, rename, recompute frames) cost about
 * a fifth of a compile.
 */
final class ScalarTail {

    /**
     * {@code private void tail(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to,
     * int origin, int base)}, {@code origin} being {@code run}'s (for kept values) and {@code base}
     * the first weight of the call (for the other relative arrays).
     */
    static final String NAME = "tail";

    private ScalarTail() {
    }

    /** Adds the scalar loop for {@code info}'s body to {@code cls} as {@link #NAME}. */
    static void emitInto(KernelClassWriter cls, BodyInfo info) {
        // the tail never reads this: TOP in its frames, as in the SCALAR run
        MethodEmitter tail = cls.beginPartLoopMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, NAME, null);
        ScalarCompiler.emitLoop(cls, tail, info, KernelClassWriter.BASE);
        cls.endMethod(tail);
    }

    /** Calls the tail on {@code this} and the arguments on the stack: {@code this.tail(...)}. */
    static void call(MethodEmitter m, KernelClassWriter cls) {
        m.invokePrivate(cls.internalName(), NAME, KernelClassWriter.PART_LOOP_DESCRIPTOR);
    }
}

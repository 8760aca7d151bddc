package org.optjit.codegen.vector;

import org.optjit.RuleException;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.KernelClasses;
import org.optjit.codegen.KernelCompiler;
import org.optjit.codegen.MethodLimit;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.StripedKernel;

/**
 * The VECTOR backend: compiles a program's per-weight body into a hidden class whose
 * {@link LoopKernel#run} loops over {@code jdk.incubator.vector.FloatVector}s of the
 * preferred species (see {@link VectorLoopEmitter}; each operation is emitted by
 * {@link VectorInsnEmitter}), starting at a cache-line aligned index (see
 * {@link org.optjit.runtime.Alignment}); the weights before and after the whole vectors go
 * through the SCALAR backend's loop, emitted into the same class (see {@link ScalarTail}).
 *
 * <p>Results equal the interpreter's bit for bit (every NaN counted as one value) for
 * everything but EXP, LOG, LOG2 and POW, which use the Vector API's float intrinsics in
 * the vector loop and may differ by {@link Transcendentals#MAX_ULPS}; the scalar loop
 * computes them exactly.
 *
 * <p>The class is written as the SCALAR one is ({@link KernelClassWriter}: maxima computed
 * by ASM, stack map frames written by the emitters), never with ASM's {@code
 * COMPUTE_FRAMES}, whose data-flow analysis was a large part of a compile.
 *
 * <p>Limits: a body that does not fit in one JVM method (64 KB of bytecode) is a
 * {@link RuleException}. Far below that, a {@code run} method above C2's 8,000-byte
 * limit ({@link org.optjit.codegen.CodeLengths#JIT_LIMIT}, a few hundred operations) is
 * never compiled and runs in the interpreter, which for Vector API code is very slow; AUTO
 * picks SCALAR for such rules. Every example rule is a small fraction of that.
 */
public final class VectorCompiler implements KernelCompiler {

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
        return generate(program, new int[0], new boolean[0]);
    }

    /**
     * The kernel of a pass over tensors whose scratch arrays at {@code stripedSlots} feed
     * sums ({@code squares}: of squares) over a tensor: where this JVM's vectors allow
     * ({@link StripedLoopEmitter#usable()}), the class is also a {@link StripedKernel} that
     * adds those values into the sums in registers.
     */
    public GeneratedKernel compile(Program pass, int[] stripedSlots, boolean[] squares) {
        return KernelClasses.define(generate(pass, stripedSlots, squares));
    }

    static byte[] generate(Program program, int[] stripedSlots, boolean[] squares) {
        BodyInfo info = BodyInfo.of(program.body());
        MethodLimit.requireFits(program.name(), BACKEND, info.liveCount());
        boolean striped = stripedSlots.length > 0 && StripedLoopEmitter.usable();
        KernelClassWriter cls = new KernelClassWriter(BACKEND, program.name(),
                striped ? StripedKernel.class : LoopKernel.class);
        // run reads this to call the tail: typed in its frames
        VectorLoopEmitter.emit(cls.beginRun(cls.type()), info, cls);
        ScalarTail.emitInto(cls, info);
        if (striped) {
            StripedLoopEmitter.emitInto(cls, info, stripedSlots, squares);
        }
        return cls.finish(info.liveCount());
    }
}

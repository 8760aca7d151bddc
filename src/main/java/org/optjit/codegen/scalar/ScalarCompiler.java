package org.optjit.codegen.scalar;

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
 * emitted by {@link ScalarBody}.
 */
public final class ScalarCompiler implements KernelCompiler {

    static final String BACKEND = "SCALAR";

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
        MethodEmitter m = cls.beginRun();
        LoopInputs inputs = LoopInputs.load(m, info);
        CountedLoop loop = CountedLoop.begin(m, KernelClassWriter.FROM, KernelClassWriter.TO);
        new ScalarBody(m, info, inputs, loop.index()).emit();
        loop.end(1);
        m.returnVoid();
        return cls.finish(info.liveCount());
    }
}

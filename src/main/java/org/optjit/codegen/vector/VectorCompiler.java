package org.optjit.codegen.vector;

import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelCompiler;
import org.optjit.ir.Program;

/** PLACEHOLDER until the vector emitter lands. */
public final class VectorCompiler implements KernelCompiler {

    @Override
    public GeneratedKernel compile(Program program) {
        throw new UnsupportedOperationException("vector backend not yet implemented");
    }
}

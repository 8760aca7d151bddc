package org.optjit.codegen.scalar;

import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.KernelCompiler;
import org.optjit.ir.Program;

/** PLACEHOLDER until the scalar emitter lands. */
public final class ScalarCompiler implements KernelCompiler {

    @Override
    public GeneratedKernel compile(Program program) {
        throw new UnsupportedOperationException("scalar backend not yet implemented");
    }
}

package org.optjit.codegen;

import org.optjit.ir.Program;

/** A backend that turns a program's per-weight body into a generated class. */
public interface KernelCompiler {

    /**
     * @throws org.optjit.RuleException when the program cannot be compiled (for example a
     *     body too large for one JVM method)
     */
    GeneratedKernel compile(Program program);
}

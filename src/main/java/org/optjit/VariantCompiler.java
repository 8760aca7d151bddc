package org.optjit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.VariantKernel;

/**
 * Compiles the branch variants of one body ({@code phase.BranchVariants}) for a backend: the
 * first now, the others when a call first needs them ({@link VariantKernel}), and keeps their
 * class files for {@code explain}. Used for each pass of a rule over tensors and for an
 * element-wise rule.
 */
final class VariantCompiler {

    private final byte[][] classFiles;
    private final VariantKernel kernel;

    /**
     * @param variants each variant as a program to compile
     * @param generate the backend's compiler (unused for the interpreter)
     */
    VariantCompiler(Backend backend, int[] slots, List<Program> variants, Function<Program, GeneratedKernel> generate) {
        this.classFiles = new byte[variants.size()][];
        IntFunction<LoopKernel> compile = v -> {
            Program q = variants.get(v);
            if (backend == Backend.INTERPRETER) {
                return new Interpreter(q.body());
            }
            GeneratedKernel g = generate.apply(q);
            // written before VariantKernel publishes the kernel (a volatile write), so whoever
            // gets the kernel from it sees the class file too
            classFiles[v] = g.classFile();
            return g.kernel();
        };
        this.kernel = new VariantKernel(slots, compile.apply(0), compile);
    }

    VariantKernel kernel() {
        return kernel;
    }

    /** The first variant's class file, or null for the interpreter. */
    byte[] firstClassFile() {
        return classFiles[0];
    }

    /** Every variant's class file, in order, compiling those no call has needed yet. */
    List<byte[]> classFiles() {
        List<byte[]> out = new ArrayList<>();
        for (int v = 0; v < kernel.count(); v++) {
            kernel.variant(v);
            if (classFiles[v] != null) {
                out.add(classFiles[v].clone());
            }
        }
        return out;
    }
}

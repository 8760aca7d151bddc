package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Op;
import org.optjit.ir.Program;
import org.optjit.runtime.LoopKernel;

/**
 * Main of the child JVM started by {@link UnloadingTest}: compiles {@code count} distinct
 * programs, runs each once and drops it (or, with {@code keep}, holds on to every kernel,
 * which must exhaust a small metaspace). Prints {@code compiled N} at the end.
 */
public final class CompileMany {

    private CompileMany() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        boolean keep = args.length > 1 && args[1].equals("keep");
        List<LoopKernel> kept = new ArrayList<>();
        ScalarCompiler compiler = new ScalarCompiler();
        float[] w = new float[1];
        for (int k = 0; k < count; k++) {
            IrBuilder b = new IrBuilder();
            b.storeW(b.binary(Op.SUB, b.w(), b.binary(Op.MUL, b.constant(k), b.g())));
            Program p = b.build("rule" + k, 0, 0);
            LoopKernel kernel = compiler.compile(p).kernel();
            w[0] = 0;
            kernel.run(w, new float[] {1}, new float[0][], new float[0], 0, 1);
            if (w[0] != -(float) k) {
                throw new AssertionError("kernel " + k + " computed " + w[0]);
            }
            if (keep) {
                kept.add(kernel);
            }
        }
        System.out.println("compiled " + count + (keep ? " kept " + kept.size() : ""));
    }
}

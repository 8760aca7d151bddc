package org.optjit;

import java.util.ArrayList;
import java.util.List;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.codegen.vector.VectorCompiler;
import org.optjit.interp.Interpreter;
import org.optjit.ir.Block;
import org.optjit.ir.Program;
import org.optjit.phase.BranchVariants;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.VariantKernel;

/**
 * Compiles the passes of a rule over tensors for one backend: each pass once per branch
 * variant ({@link BranchVariants}), the first with the rule, the others when a tensor first
 * takes them (so a rule's compile time does not grow with its conditions), and keeps the
 * generated class files for {@code explain}.
 */
final class PassCompiler {

    private static final Block EMPTY = new Block(List.of(), List.of());

    private final Plan plan;
    private final Backend backend;
    private final List<BranchVariants> variants;
    private final byte[][][] classFiles;
    private final VariantKernel[] kernels;

    PassCompiler(Plan plan, Backend backend) {
        this.plan = plan;
        this.backend = backend;
        this.variants = BranchVariants.of(plan);
        int n = plan.passes().size();
        this.classFiles = new byte[n][][];
        this.kernels = new VariantKernel[n];
        for (int k = 0; k < n; k++) {
            int pass = k;
            BranchVariants bv = variants.get(k);
            classFiles[k] = new byte[bv.bodies().size()][];
            kernels[k] = new VariantKernel(bv.slots(), compile(k, 0), v -> compile(pass, v));
        }
    }

    VariantKernel[] kernels() {
        return kernels.clone();
    }

    /** Every variant's class file, in pass and variant order (compiling those no call has needed yet). */
    List<byte[]> classFiles() {
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < kernels.length; k++) {
            for (int v = 0; v < kernels[k].count(); v++) {
                kernels[k].variant(v);
                synchronized (this) {
                    if (classFiles[k][v] != null) {
                        out.add(classFiles[k][v].clone());
                    }
                }
            }
        }
        return out;
    }

    private LoopKernel compile(int k, int v) {
        Block body = variants.get(k).bodies().get(v);
        if (backend == Backend.INTERPRETER) {
            return new Interpreter(body);
        }
        Program p = plan.program();
        String name = p.name() + "_pass" + k + (classFiles[k].length > 1 ? "_v" + v : "");
        Program pass = new Program(name, p.hypers(), p.states(), List.of(), List.of(), EMPTY, body, EMPTY, EMPTY);
        GeneratedKernel g = backend == Backend.SCALAR ? new ScalarCompiler().compile(pass)
                : vectorPass(plan.passes().get(k), pass);
        synchronized (this) {
            classFiles[k][v] = g.classFile();
        }
        return g.kernel();
    }

    /** A VECTOR pass kernel that sums its striped reductions in registers ({@link org.optjit.runtime.StripedKernel}). */
    private GeneratedKernel vectorPass(Pass pass, Program body) {
        Program p = plan.program();
        int[] slots = new int[pass.striped().size()];
        boolean[] squares = new boolean[slots.length];
        for (int k = 0; k < slots.length; k++) {
            int s = pass.striped().get(k);
            slots[k] = plan.scratchSlot(pass, s);
            squares[k] = p.reductions().get(pass.scratch().get(s)).kind().squares();
        }
        return new VectorCompiler().compile(body, slots, squares);
    }
}

package org.optjit;

import java.util.ArrayList;
import java.util.List;
import org.optjit.codegen.GeneratedKernel;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.codegen.vector.VectorCompiler;
import org.optjit.ir.Block;
import org.optjit.ir.Program;
import org.optjit.phase.BranchVariants;
import org.optjit.phase.Pass;
import org.optjit.phase.Plan;
import org.optjit.runtime.VariantKernel;

/**
 * Compiles the passes of a rule over tensors for one backend: each pass once per branch
 * variant ({@link BranchVariants}, {@link VariantCompiler}): the first with the rule, the
 * others when a tensor first takes them, so a rule's compile time does not grow with its
 * conditions.
 */
final class PassCompiler {

    private static final Block EMPTY = new Block(List.of(), List.of());

    private final Plan plan;
    private final VariantCompiler[] passes;

    PassCompiler(Plan plan, Backend backend) {
        this.plan = plan;
        List<BranchVariants> variants = BranchVariants.of(plan);
        Program p = plan.program();
        this.passes = new VariantCompiler[variants.size()];
        for (int k = 0; k < passes.length; k++) {
            Pass pass = plan.passes().get(k);
            BranchVariants bv = variants.get(k);
            List<Program> programs = new ArrayList<>();
            for (int v = 0; v < bv.bodies().size(); v++) {
                String name = p.name() + "_pass" + k + (bv.bodies().size() > 1 ? "_v" + v : "");
                programs.add(new Program(name, p.hypers(), p.states(), List.of(), List.of(), EMPTY, bv.bodies().get(v),
                        EMPTY, EMPTY));
            }
            passes[k] = new VariantCompiler(backend, bv.slots(), programs,
                    backend == Backend.SCALAR ? new ScalarCompiler()::compile : q -> vectorPass(pass, q));
        }
    }

    VariantKernel[] kernels() {
        VariantKernel[] kernels = new VariantKernel[passes.length];
        for (int k = 0; k < passes.length; k++) {
            kernels[k] = passes[k].kernel();
        }
        return kernels;
    }

    /** Every variant's class file, in pass and variant order (compiling those no call has needed yet). */
    List<byte[]> classFiles() {
        List<byte[]> out = new ArrayList<>();
        for (VariantCompiler pass : passes) {
            out.addAll(pass.classFiles());
        }
        return out;
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

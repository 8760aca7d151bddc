package org.optjit.runtime.tensor;

import org.optjit.runtime.LoopKernel;

/**
 * The kernels of one pass: one per combination of the uniform truth values its body reads
 * ({@code phase.BranchVariants}), so a call computes only the branches its tensor takes.
 *
 * @param slots    the uniform slots of the truth values; bit {@code j} of a kernel's index is
 *                 the value of {@code slots[j]}
 * @param variants the kernels, by index
 */
public record PassKernels(int[] slots, LoopKernel[] variants) {

    public PassKernels {
        slots = slots.clone();
        variants = variants.clone();
        if (variants.length != 1 << slots.length) {
            throw new IllegalArgumentException(variants.length + " kernels for " + slots.length + " truth values");
        }
    }

    /** One kernel for every call. */
    public static PassKernels of(LoopKernel kernel) {
        return new PassKernels(new int[0], new LoopKernel[] {kernel});
    }

    /** The kernel for a call with these uniforms (a truth value is non-zero when true). */
    LoopKernel choose(float[] uniforms) {
        int v = 0;
        for (int j = 0; j < slots.length; j++) {
            if (uniforms[slots[j]] != 0f) {
                v |= 1 << j;
            }
        }
        return variants[v];
    }

    boolean anyStriped() {
        for (LoopKernel k : variants) {
            if (k instanceof org.optjit.runtime.StripedKernel) {
                return true;
            }
        }
        return false;
    }
}

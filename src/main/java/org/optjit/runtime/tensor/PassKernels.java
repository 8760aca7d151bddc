package org.optjit.runtime.tensor;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.optjit.runtime.LoopKernel;
import org.optjit.runtime.StripedKernel;

/**
 * The kernels of one pass: one per combination of the uniform truth values its body reads
 * ({@code phase.BranchVariants}), so a call computes only the branches its tensor takes.
 * The first variant comes compiled; the others are compiled the first time a call needs them
 * (a rule whose tensors all take one branch never pays for the rest), once, whichever worker
 * gets there first.
 */
public final class PassKernels {

    private final int[] slots;
    private final AtomicReferenceArray<LoopKernel> variants;
    private final IntFunction<LoopKernel> compiler;

    /**
     * @param slots    the uniform slots of the truth values; bit {@code j} of a variant's index
     *                 is the value of {@code slots[j]}
     * @param first    variant 0, compiled
     * @param compiler compiles variant {@code v} (called at most once for each)
     */
    public PassKernels(int[] slots, LoopKernel first, IntFunction<LoopKernel> compiler) {
        this.slots = slots.clone();
        this.variants = new AtomicReferenceArray<>(1 << slots.length);
        this.variants.set(0, first);
        this.compiler = compiler;
    }

    /** One kernel for every call. */
    public static PassKernels of(LoopKernel kernel) {
        return new PassKernels(new int[0], kernel, v -> {
            throw new IllegalArgumentException("one variant");
        });
    }

    /** How many variants there are. */
    public int count() {
        return variants.length();
    }

    /** Variant {@code v}, compiled now if no call has needed it yet. */
    public LoopKernel variant(int v) {
        LoopKernel k = variants.get(v);
        return k != null ? k : compile(v);
    }

    private synchronized LoopKernel compile(int v) {
        LoopKernel k = variants.get(v);
        if (k == null) {
            k = compiler.apply(v);
            variants.set(v, k);
        }
        return k;
    }

    /** The kernel for a call with these uniforms (a truth value is non-zero when true). */
    LoopKernel choose(float[] uniforms) {
        int v = 0;
        for (int j = 0; j < slots.length; j++) {
            if (uniforms[slots[j]] != 0f) {
                v |= 1 << j;
            }
        }
        return variant(v);
    }

    /** Whether the pass's kernels add sums in registers (every variant of a pass does, or none). */
    boolean striped() {
        return variants.get(0) instanceof StripedKernel;
    }
}

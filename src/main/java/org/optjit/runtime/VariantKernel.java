package org.optjit.runtime;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * A loop kernel compiled once per combination of the uniform truth values its body reads
 * ({@code phase.BranchVariants}): each call runs the variant its uniforms select, which
 * computes only the branches taken (a pass over one tensor, or an element-wise step whose
 * per-step condition holds or not). The first variant comes compiled; the others are compiled
 * the first time a call needs them (a rule that always takes one branch never pays for the
 * rest), once, whichever thread gets there first.
 */
public final class VariantKernel implements LoopKernel {

    private final int[] slots;
    private final AtomicReferenceArray<LoopKernel> variants;
    private final IntFunction<LoopKernel> compiler;

    /**
     * @param slots    the uniform slots of the truth values; bit {@code j} of a variant's index
     *                 is the value of {@code slots[j]}
     * @param first    variant 0, compiled
     * @param compiler compiles variant {@code v} (called at most once for each)
     */
    public VariantKernel(int[] slots, LoopKernel first, IntFunction<LoopKernel> compiler) {
        this.slots = slots.clone();
        this.variants = new AtomicReferenceArray<>(1 << slots.length);
        this.variants.set(0, first);
        this.compiler = compiler;
    }

    /** One kernel for every call. */
    public static VariantKernel of(LoopKernel kernel) {
        return new VariantKernel(new int[0], kernel, v -> {
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
    public LoopKernel choose(float[] uniforms) {
        int v = 0;
        for (int j = 0; j < slots.length; j++) {
            if (uniforms[slots[j]] != 0f) {
                v |= 1 << j;
            }
        }
        return variant(v);
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to) {
        choose(uniforms).run(w, g, state, uniforms, from, to);
    }

    @Override
    public void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin) {
        choose(uniforms).run(w, g, state, uniforms, from, to, origin);
    }

    /** Whether the kernels add sums in registers (every variant of a pass does, or none). */
    public boolean striped() {
        return variants.get(0) instanceof StripedKernel;
    }
}

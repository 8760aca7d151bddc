package org.optjit.runtime;

/**
 * A pass kernel that can add the values of some reduction arguments straight into their
 * sixteen stripe sums, in registers, instead of storing them into scratch arrays for the
 * runtime to add afterwards (the VECTOR backend's pass kernels; the order of additions, and so
 * every bit of the sums, is the one {@code StripedSum} defines, docs/language.md).
 */
public interface StripedKernel extends LoopKernel {

    /**
     * Does what {@link #run(float[], float[], float[][], float[], int, int, int)} does for the
     * weights {@code [from, to)} with kept arrays indexed from {@code origin}, except that each value
     * the pass stores into the scratch array of striped reduction {@code k} (in the order the
     * compiler was given them) is added, as a double (squared in double for squares), to
     * {@code lanes[16 * k + (i - from) % 16]}, in the order of {@code i}.
     *
     * @param from  first weight index, inclusive
     * @param to    last weight index, exclusive; {@code to - from} is a multiple of 16
     * @param origin the weight index of element 0 of the kept arrays
     * @param lanes sixteen running sums per striped reduction, read before and written after
     */
    void runStriped(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin,
                    double[] lanes);
}

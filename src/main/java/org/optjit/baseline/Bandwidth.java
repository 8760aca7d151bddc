package org.optjit.baseline;

import org.optjit.runtime.ElementWiseKernel;
import org.optjit.runtime.LoopKernel;

/**
 * Memory-bandwidth kernels in the style of McCalpin's STREAM, written as {@link LoopKernel}s
 * so that {@link org.optjit.runtime.StepRunner} splits them across threads exactly as it
 * splits an update rule. They set the limit an update rule is measured against.
 *
 * <p>{@link #IN_PLACE} is the right limit for update rules: like them it writes back into
 * an array it has just read, so the store finds its cache line present and pays no
 * write-allocate read. {@link #TRIAD} writes a third array, whose lines the CPU reads
 * before it overwrites them (traffic STREAM does not count), so it understates what an
 * in-place loop can reach. Array roles in the {@code LoopKernel} signature: {@code w} is
 * STREAM's {@code a}, {@code g} is {@code b}, {@code state[0]} is {@code c}; the scalar
 * {@code s} is {@code uniforms[0]}.
 */
public enum Bandwidth implements ElementWiseKernel {

    /** {@code a[i] = b[i]}: 4 bytes read, 4 written. */
    COPY(4, 4) {
        @Override
        public void run(float[] a, float[] b, float[][] state, float[] u, int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] = b[i];
            }
        }
    },

    /** {@code c[i] = a[i] + s * b[i]}: 8 bytes read, 4 written (to a third array). */
    TRIAD(8, 4) {
        @Override
        public void run(float[] a, float[] b, float[][] state, float[] u, int from, int to) {
            float s = u[0];
            float[] c = state[0];
            for (int i = from; i < to; i++) {
                c[i] = a[i] + s * b[i];
            }
        }
    },

    /** {@code a[i] += s * b[i]}: 8 bytes read, 4 written back where they were read. */
    IN_PLACE(8, 4) {
        @Override
        public void run(float[] a, float[] b, float[][] state, float[] u, int from, int to) {
            float s = u[0];
            for (int i = from; i < to; i++) {
                a[i] += s * b[i];
            }
        }
    };

    private final int bytesRead;
    private final int bytesWritten;

    Bandwidth(int bytesRead, int bytesWritten) {
        this.bytesRead = bytesRead;
        this.bytesWritten = bytesWritten;
    }

    /** Bytes this kernel reads per element. */
    public int bytesRead() {
        return bytesRead;
    }

    /** Bytes this kernel writes per element (as STREAM counts them: without write-allocate). */
    public int bytesWritten() {
        return bytesWritten;
    }

    /** Bytes counted per element: read plus written. */
    public int bytesPerElement() {
        return bytesRead + bytesWritten;
    }

    /** How many state arrays (beyond {@code a} and {@code b}) it needs. */
    public int extraArrays() {
        return this == TRIAD ? 1 : 0;
    }
}

package org.optjit.runtime.tensor;

/**
 * Out-of-place transposition of a row-major matrix, in square tiles so that both the rows
 * read and the rows written stay in the L1 cache (a plain double loop strides through one
 * of them a whole row apart on every element).
 */
final class Transpose {

    /** 32 x 32 floats: 4 KiB read and 4 KiB written per tile. */
    private static final int TILE = 32;

    private Transpose() {
    }

    /**
     * Writes the transpose of the {@code rows x cols} row-major matrix at {@code src[srcOff]}
     * as a {@code cols x rows} row-major matrix at {@code dst[dstOff]}. The regions must not
     * overlap.
     */
    static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int from = srcOff + i * cols;
                    for (int j = j0; j < j1; j++) {
                        dst[dstOff + j * rows + i] = src[from + j];
                    }
                }
            }
        }
    }
}

package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.tensor.DefinedOrder;

/**
 * All of a matrix's row sums at once, two rows side by side, against the defined order
 * written out here (docs/language.md: each row on its own, value {@code j} of a block into
 * stripe {@code j mod 16}, a block's stripes left to right, the blocks from +0.0): the same
 * bits, in double, for rows of whole stripes (the paired loop), rows that are not, rows longer
 * than a block, odd and even row counts, from an offset into the sums and into the values.
 * The backends cannot check this: every backend's passes sum such rows here.
 */
class RowSumsTest {

    @Test
    void everyRowIsItsDefinedSumBitForBit() {
        assertTrue(StripedSum.VECTOR, "the tests run with the Vector API module: the paired loop is what is tested");
        SplittableRandom r = new SplittableRandom(23);
        RowSums sums = new RowSums();
        for (boolean squares : new boolean[] {false, true}) {
            for (int[] shape : new int[][] {{7, 16}, {6, 48}, {5, 512}, {4, 40}, {9, 1}, {3, 65_536}, {2, 65_552}}) {
                int rows = shape[0];
                int cols = shape[1];
                int at = r.nextInt(5);
                int from = r.nextInt(9);
                float[] x = new float[from + rows * cols + 3];
                for (int k = 0; k < x.length; k++) {
                    x[k] = (float) (r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-6, 6)));
                }
                double[] acc = new double[at + rows + 2];
                sums.add(squares, acc, at, x, from, rows, cols);
                for (int row = 0; row < rows; row++) {
                    double expected = DefinedOrder.sum(x, from + row * cols, cols, squares);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(acc[at + row]),
                            (squares ? "squares, " : "") + rows + " x " + cols + ", row " + row);
                }
                assertEquals(0.0, acc[at + rows], "nothing past the last row");
            }
        }
    }
}

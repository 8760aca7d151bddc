package org.optjit.reference.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * The reduction order itself: inputs whose double sums differ with the order of the
 * additions show that the lanes, the blocks, the rows and the columns are the defined ones.
 */
class ReductionsTest {

    private static final float BIG = 0x1p60f;

    @Test
    void valuesGoToSixteenLanesByIndex() {
        // 2^60 and -2^60 share lane 0 and cancel there; the ones in lanes 1..15 survive.
        // Added in sequence, every one would be lost next to 2^60.
        float[] x = new float[17];
        x[0] = BIG;
        x[16] = -BIG;
        for (int j = 1; j < 16; j++) {
            x[j] = 1;
        }
        assertEquals(15.0, Reductions.sum(x, 0, x.length));
    }

    @Test
    void lanesAreAddedLeftToRight() {
        // (1 + 2^60) loses the one before -2^60 cancels the rest; from the right, it would survive.
        float[] x = new float[16];
        x[0] = 1;
        x[1] = BIG;
        x[2] = -BIG;
        assertEquals(0.0, Reductions.sum(x, 0, x.length));
    }

    @Test
    void blocksOf65536AreSummedOnTheirOwn() {
        // Lane 0 of block 0 holds 2^60, lane 1 a one: the block is 2^60 (the one is lost). Block
        // 1 holds -2^60. The sum is 0; without blocks lane 0 would cancel and keep the one.
        float[] x = new float[Reductions.BLOCK + 16];
        x[0] = BIG;
        x[1] = 1;
        x[Reductions.BLOCK] = -BIG;
        assertEquals(0.0, Reductions.sum(x, 0, x.length));
    }

    @Test
    void squaresAreDoubleProducts() {
        float x = 1.1f;
        assertEquals((double) x * x, Reductions.sumOfSquares(new float[] {x}, 0, 1));
        assertEquals(Math.sqrt(25), Reductions.norm(new float[] {3, 4}, Layout.vector(2).tensors().get(0)));
    }

    @Test
    void rowsStartTheirOwnLanesAndColumnsAddInRowOrder() {
        Layout layout = Layout.builder().matrix("a", 2, 17).build();
        Tensor a = layout.tensors().get(0);
        float[] x = new float[34];
        // Row 1: its column 0 and column 16 share lane 0.
        x[17] = BIG;
        x[17 + 16] = -BIG;
        x[17 + 1] = 1;
        assertEquals(1.0, Reductions.rowSum(x, a, 1));
        // Column 0 in row order: 2^60 + ... sequentially: (0 + 1) + 2^60 = 2^60 exactly.
        x[0] = 1;
        assertEquals((double) BIG, Reductions.colSum(x, a, 0));
        assertEquals(0.0, Reductions.colSum(x, a, 2));
    }

    @Test
    void aColumnAddsBlocksOf64Rows() {
        Tensor v = Layout.vector(66).tensors().get(0);
        float[] x = new float[66];
        // rows 0-63 are one block, 64-65 the next: (2^60) + ((0 - 2^60) + 1) = 0, where adding
        // row after row would give (2^60 - 2^60) + 1 = 1
        x[0] = BIG;
        x[64] = -BIG;
        x[65] = 1;
        assertEquals(0.0, Reductions.colSum(x, v, 0));
        x[65] = 0;
        x[63] = 1;
        // within a block, row order: (2^60 + ... + 1) loses the 1
        assertEquals(0.0, Reductions.colSum(x, v, 0));
    }

    @Test
    void allAddsTheTensorsSumsInLayoutOrder() {
        Layout layout = Layout.builder().vector("a", 2).vector("b", 1).vector("c", 1).build();
        // Tensor sums: 2^60 + 1 = 2^60 (lost one, then a: 2^60); b: 1; c: -2^60.
        // (0 + 2^60) + 1 = 2^60, - 2^60 = 0; any other grouping that adds b last keeps 1.
        float[] x = {BIG, 1, 1, -BIG};
        assertEquals(0.0, Reductions.sumAll(layout, x));
    }
}

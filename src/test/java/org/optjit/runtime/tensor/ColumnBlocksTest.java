package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * A column's sum is added in blocks of 64 rows, the blocks in order (docs/language.md), on
 * every backend and thread count, also when threads share the tensor. The values are chosen
 * so that the order shows in float: 2^60 in row 0, -2^60 and 1 in two rows of a later block
 * give 2^60 + (-2^60 + 1) = 0, where adding row after row would give 1.
 */
class ColumnBlocksTest {

    private static final float BIG = 0x1p60f;

    /** Rows {@code 0}, {@code minus} and {@code minus + 1} of column 0; every other value of g is 0, column 1 is all ones. */
    private static float[] gradient(Layout layout, int minus) {
        Layout.Tensor m = layout.tensors().get(0);
        float[] g = new float[layout.size()];
        g[m.offset()] = BIG;
        g[m.offset() + minus * m.cols()] = -BIG;
        g[m.offset() + (minus + 1) * m.cols()] = 1;
        for (int r = 0; r < m.rows(); r++) {
            g[m.offset() + r * m.cols() + 1] = 1;
        }
        return g;
    }

    private static void check(Layout layout, int minus, Backend backend, int threads) {
        Optimizer opt = Rule.parse("w -= sum[col](g)").compile(backend).bind(Map.of()).threads(threads);
        float[] w = new float[layout.size()];
        OptimizerState s = opt.newState(w, layout);
        opt.step(w, gradient(layout, minus), s);
        Layout.Tensor m = layout.tensors().get(0);
        String where = backend + ", " + threads + " threads, " + m.rows() + " x " + m.cols();
        for (int r = 0; r < m.rows(); r += 7) {
            assertEquals(0f, w[m.offset() + r * m.cols()], where + ": column 0, row " + r);
            assertEquals(-(float) m.rows(), w[m.offset() + r * m.cols() + 1], where + ": column 1, row " + r);
        }
    }

    @Test
    void blocksOfRowsOnEveryBackend() {
        Layout layout = Layout.builder().matrix("m", 66, 3).vector("b", 5).build();
        for (Backend backend : new Backend[] {Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR}) {
            for (int threads : new int[] {1, 3}) {
                check(layout, 64, backend, threads);
            }
        }
    }

    /** A matrix that three threads share, cut at blocks of rows: the parts' blocks are folded in order. */
    @Test
    void blocksOfRowsInASharedMatrix() {
        Layout layout = Layout.builder().matrix("m", 2048, 512).vector("b", 5).build();
        for (Backend backend : new Backend[] {Backend.SCALAR, Backend.VECTOR}) {
            for (int threads : new int[] {1, 2, 3}) {
                check(layout, 1100, backend, threads);
            }
        }
    }
}

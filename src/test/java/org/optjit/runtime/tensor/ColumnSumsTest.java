package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.sema.Reduction;

/**
 * A row's values folded into per-column values, whole vectors of columns at a time, against a
 * plain loop written here: the same bits for every kind of reduction, for widths around the
 * vector length, row after row, from an offset into the sums and into the row.
 */
class ColumnSumsTest {

    @Test
    void everyKindMatchesAPlainLoopBitForBit() {
        assertTrue(StripedSum.VECTOR, "the tests run with the Vector API module: the vector loop is what is tested");
        SplittableRandom r = new SplittableRandom(11);
        for (Reduction kind : Reduction.values()) {
            for (int n : new int[] {1, 7, 8, 15, 16, 17, 31, 32, 33, 100, 519}) {
                int at = r.nextInt(5);
                int from = r.nextInt(9);
                double[] acc = new double[at + n];
                double[] expected = new double[at + n];
                for (int c = 0; c < acc.length; c++) {
                    acc[c] = expected[c] = r.nextDouble(-1, 1);
                }
                for (int row = 0; row < 5; row++) {
                    float[] x = new float[from + n + 3];
                    for (int c = 0; c < x.length; c++) {
                        x[c] = (float) (r.nextDouble(-1e3, 1e3) * Math.pow(10, r.nextInt(-20, 20)));
                    }
                    x[from + r.nextInt(n)] = r.nextBoolean() ? -0.0f : Float.NaN;
                    ColumnSums.add(kind, acc, at, x, from, n);
                    for (int c = 0; c < n; c++) {
                        double v = x[from + c];
                        double old = expected[at + c];
                        expected[at + c] = switch (kind) {
                            case MAX -> Math.max(old, v);
                            case MIN -> Math.min(old, v);
                            case NORM, RMS -> old + v * v;
                            default -> old + v;
                        };
                    }
                }
                for (int c = 0; c < acc.length; c++) {
                    assertEquals(Double.doubleToRawLongBits(expected[c]), Double.doubleToRawLongBits(acc[c]),
                            kind + ", " + n + " columns, column " + c + ": " + expected[c] + " against " + acc[c]);
                }
            }
        }
    }
}

package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optjit.tensor.DefinedOrder;

/**
 * {@link StripedSum} (the Vector API loop where the module is present, as under Surefire)
 * against the order docs/language.md defines, written out directly: blocks of 65,536 values,
 * value {@code j} of a block into stripe {@code j mod 16}, a block's stripes added left to
 * right, the blocks added left to right from 0.0. Bit for bit, for any way of cutting the
 * values into calls.
 */
class StripedSumTest {

    private static double definition(float[] x, boolean squares) {
        return DefinedOrder.sum(x, 0, x.length, squares);
    }

    @ParameterizedTest(name = "{0} values, squares {1}, calls of up to {2}")
    @CsvSource({"1, true, 1", "17, false, 5", "2048, true, 2048", "70001, true, 2048", "70001, false, 333",
            "200000, true, 65536", "131073, false, 100000", "40000, true, 16", "262144, true, 262144",
            "300001, true, 300001", "300001, false, 300001"})
    void sumsInTheDefinedOrder(int n, boolean squares, int call) {
        Random r = new Random(n * 31L + call);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // magnitudes over many binades, so that a different order would round differently
            x[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20));
        }
        StripedSum sum = new StripedSum();
        sum.reset(squares);
        float[] chunk = new float[call];
        for (int lo = 0; lo < n; lo += call) {
            int m = Math.min(call, n - lo);
            System.arraycopy(x, lo, chunk, 0, m);
            sum.add(chunk, m);
        }
        assertEquals(Double.doubleToLongBits(definition(x, squares)), Double.doubleToLongBits(sum.finish()));
        // the same values where they lie in a larger array
        float[] padded = new float[n + 40];
        System.arraycopy(x, 0, padded, 37, n);
        sum.reset(squares);
        sum.add(padded, 37, n);
        assertEquals(Double.doubleToLongBits(definition(x, squares)), Double.doubleToLongBits(sum.finish()));
    }

    /**
     * A kernel continuing the sums through lanes ({@code lanesOut}, sixteen running sums it
     * adds to, {@code lanesIn}), between calls of {@code add} of odd lengths, gives the defined
     * sum bit for bit: lane {@code l} is the stripe of the {@code l}-th next value.
     */
    @ParameterizedTest(name = "{0} values, squares {1}")
    @CsvSource({"70001, true", "70001, false", "140000, true", "65536, false"})
    void lanesContinueTheStripes(int n, boolean squares) {
        Random r = new Random(n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20));
        }
        StripedSum sum = new StripedSum();
        sum.reset(squares);
        double[] lanes = new double[32];
        int lo = 0;
        while (lo < n) {
            int len = Math.min(n - lo, r.nextBoolean() ? 16 * (1 + r.nextInt(300)) : 1 + r.nextInt(40));
            if (len % 16 == 0 && sum.fitsInBlock(len)) {
                sum.lanesOut(lanes, 16);
                for (int i = lo; i < lo + len; i++) { // what a striped kernel does
                    double v = x[i];
                    lanes[16 + (i - lo) % 16] += squares ? v * v : v;
                }
                sum.lanesIn(lanes, 16, len);
            } else {
                sum.add(x, lo, len);
            }
            lo += len;
        }
        assertEquals(Double.doubleToLongBits(definition(x, squares)), Double.doubleToLongBits(sum.finish()));
    }
}

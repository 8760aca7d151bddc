package org.optjit.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StripedSum} (the Vector API loop where the module is present, as under Surefire)
 * against the order docs/language.md defines, written out directly: blocks of 65,536 values,
 * value {@code j} of a block into stripe {@code j mod 16}, a block's stripes added left to
 * right, the blocks added left to right from 0.0. Bit for bit, for any way of cutting the
 * values into calls.
 */
class StripedSumTest {

    private static double definition(float[] x, boolean squares) {
        double total = 0.0;
        for (int b = 0; b < x.length; b += StripedSum.BLOCK) {
            double[] stripe = new double[16];
            for (int j = 0; j < StripedSum.BLOCK && b + j < x.length; j++) {
                double v = x[b + j];
                stripe[j % 16] += squares ? v * v : v;
            }
            double block = stripe[0];
            for (int s = 1; s < 16; s++) {
                block += stripe[s];
            }
            total += block;
        }
        return total;
    }

    @ParameterizedTest(name = "{0} values, squares {1}, calls of up to {2}")
    @CsvSource({"1, true, 1", "17, false, 5", "2048, true, 2048", "70001, true, 2048", "70001, false, 333",
            "200000, true, 65536", "131073, false, 100000", "40000, true, 16"})
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
    }
}

package org.optjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Finite#firstNonFinite}: the first NaN or infinity wherever it lies, -1 when all are finite. */
class FiniteTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000, 203_529, 203_530})
    void findsTheFirstBadValue(int n) {
        Random r = new Random(n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * Math.pow(2, r.nextInt(250) - 125));
        }
        if (n > 0) {
            x[r.nextInt(n)] = Float.MAX_VALUE;
            x[r.nextInt(n)] = -Float.MAX_VALUE;
            x[r.nextInt(n)] = Float.MIN_VALUE;
        }
        assertEquals(-1, Finite.firstNonFinite(x), "all finite");
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
        for (int k = 0; k < Math.min(n, 40); k++) {
            int at = k < 4 ? n - 1 - k : r.nextInt(n); // the scalar tail, then anywhere
            float[] y = x.clone();
            y[at] = bad[k % bad.length];
            int later = Math.min(n - 1, at + 1 + r.nextInt(50));
            y[later] = bad[(k + 1) % bad.length];
            assertEquals(at, Finite.firstNonFinite(y), "bad value at " + at + " of " + n);
        }
    }
}

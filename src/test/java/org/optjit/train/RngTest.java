package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void matchesTheSplitMix64TestVector() {
        // the reference splitmix64.c (Vigna) from seed 1234567
        Rng r = new Rng(1234567);
        long[] expected = {6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
            4593380528125082431L, Long.parseUnsignedLong("16408922859458223821")};
        for (long e : expected) {
            assertEquals(e, r.nextLong());
        }
    }

    @Test
    void savedStateResumesTheSequence() {
        Rng a = new Rng(42);
        for (int i = 0; i < 17; i++) {
            a.nextGaussian();
        }
        long state = a.getState();
        double[] first = {a.nextDouble(), a.nextGaussian(), a.nextInt(10), a.nextFloat()};
        Rng b = new Rng(0);
        b.setState(state);
        assertArrayEquals(first, new double[] {b.nextDouble(), b.nextGaussian(), b.nextInt(10), b.nextFloat()});
    }

    @Test
    void drawsHaveTheirDistributions() {
        Rng r = new Rng(3);
        int n = 200_000;
        double sum = 0, sq = 0;
        int[] counts = new int[7];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
            counts[r.nextInt(7)]++;
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sq / n, 0.02);
        for (int c : counts) {
            assertEquals(n / 7.0, c, 5 * Math.sqrt(n / 7.0));
        }
        int[] perm = {0, 1, 2, 3, 4, 5, 6, 7};
        r.shuffle(perm);
        assertEquals(28, java.util.Arrays.stream(perm).sum());
        assertEquals(8, java.util.Arrays.stream(perm).distinct().count());
    }
}

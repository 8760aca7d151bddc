package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void eachEpochIsAPermutationDecidedBySeedAndEpoch() {
        BatchOrder a = new BatchOrder(7, 1000, BatchSize.of(64));
        BatchOrder b = new BatchOrder(7, 1000, BatchSize.of(64));
        int[] p1 = a.permutation(1);
        assertArrayEquals(p1, b.permutation(1), "same seed and epoch: same order");
        assertFalse(Arrays.equals(p1, a.permutation(2)), "a new shuffle each epoch");
        assertFalse(Arrays.equals(p1, new BatchOrder(8, 1000, BatchSize.of(64)).permutation(1)));
        int[] sorted = p1.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void theLastBatchTakesTheRemainder() {
        BatchOrder o = new BatchOrder(1, 100, BatchSize.of(32));
        assertEquals(4, o.stepsPerEpoch());
        assertEquals(96, o.from(3));
        assertEquals(100, o.to(3));
    }

    @Test
    void fullBatchIsOneStepOverEverything() {
        BatchOrder o = new BatchOrder(1, 100, BatchSize.FULL);
        assertEquals(1, o.stepsPerEpoch());
        assertEquals(0, o.from(0));
        assertEquals(100, o.to(0));
        assertEquals(BatchSize.FULL, BatchSize.parse("full"));
        assertEquals(128, BatchSize.parse(" 128 ").size());
    }

    @Test
    void balancedBatchesHoldEachClassInProportion() {
        // Unequal classes: 50%, 30%, 15%, 5% of 2000 examples, labels in a random order.
        int n = 2000;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 1000 ? 0 : i < 1600 ? 1 : i < 1900 ? 2 : 3;
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        double[] share = {0.5, 0.3, 0.15, 0.05};
        BatchOrder balanced = new BatchOrder(7, n, BatchSize.of(40), labels);
        int[] order = balanced.permutation(1);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertEquals(i, sorted[i], "a permutation of the training set");
        }
        for (int step = 0; step < balanced.stepsPerEpoch(); step++) {
            int[] count = new int[4];
            for (int k = balanced.from(step); k < balanced.to(step); k++) {
                count[labels[order[k]]]++;
            }
            for (int c = 0; c < 4; c++) {
                double expected = share[c] * (balanced.to(step) - balanced.from(step));
                assertTrue(Math.abs(count[c] - expected) <= 1.0,
                        "step " + step + " class " + c + ": " + count[c] + " examples, expected about " + expected);
            }
        }
        assertArrayEquals(order, new BatchOrder(7, n, BatchSize.of(40), labels).permutation(1), "decided by the seed");
        assertFalse(Arrays.equals(order, balanced.permutation(2)), "a new order each epoch");

        // A plain shuffle of the same data is far from balanced somewhere: the test can tell.
        BatchOrder plain = new BatchOrder(7, n, BatchSize.of(40));
        int[] p = plain.permutation(1);
        double worst = 0;
        for (int step = 0; step < plain.stepsPerEpoch(); step++) {
            int rare = 0;
            for (int k = plain.from(step); k < plain.to(step); k++) {
                rare += labels[p[k]] == 0 ? 1 : 0;
            }
            worst = Math.max(worst, Math.abs(rare - 20));
        }
        assertTrue(worst > 1, "a plain shuffle is expected to deviate; worst deviation " + worst);
    }
}

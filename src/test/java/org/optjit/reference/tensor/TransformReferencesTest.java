package org.optjit.reference.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/** The gradient transforms' references do what their papers say. */
class TransformReferencesTest {

    private final Layout layout = Layout.builder().matrix("a", 5, 7).vector("b", 13)
            .group("no_decay").vector("c", 3).build();

    @Test
    void clippingByAHugeNormChangesNothing() {
        float[] g = Fixture.gaussian(1, layout.size(), 10);
        float[] clipped = g.clone();
        new ClipGlobalNormReference(Fixture.hypers(Map.of("max_norm", 1e30)), layout).apply(new float[g.length], clipped, 1);
        assertArrayEquals(g, clipped);
    }

    @Test
    void clippingScalesEveryGroupByTheSameFactorToTheMaxNorm() {
        float[] g = Fixture.gaussian(2, layout.size(), 10);
        float[] clipped = g.clone();
        new ClipGlobalNormReference(Fixture.hypers(Map.of("max_norm", 0.5)), layout).apply(new float[g.length], clipped, 1);
        double total = 0;
        for (Tensor t : layout.tensors()) {
            total += Math.pow(Fixture.norm(clipped, t), 2);
        }
        assertEquals(0.5, Math.sqrt(total), 1e-6);
        double factor = (double) clipped[0] / g[0];
        for (int i = 0; i < g.length; i++) {
            assertEquals(factor, (double) clipped[i] / g[i], 1e-6, "element " + i);
        }
    }

    @Test
    void agcClipsOnlyTheUnitsWhoseGradientIsLargeAgainstTheirWeights() {
        Layout one = Layout.builder().matrix("a", 3, 4).vector("b", 5).build();
        float[] w = {
            1, 1, 1, 1, // row 0: ||w|| = 2, limit 0.02
            1, 1, 1, 1, // row 1
            0, 0, 0, 0, // row 2: ||w|| = 0, limit clip_factor * eps = 1e-5
            3, 4, 0, 0, 0}; // the vector: one unit, ||w|| = 5, limit 0.05
        float[] g = {
            0.01f, 0, 0, 0, // ||g|| = 0.01 < 0.02: unchanged
            0.3f, 0.4f, 0, 0, // ||g|| = 0.5: scaled to norm 0.02
            1, 0, 0, 0, // scaled to norm 1e-5
            0.01f, 0, 0, 0, 0.01f}; // ||g|| = 0.014 < 0.05: unchanged
        float[] out = g.clone();
        new AgcReference(Fixture.defaults(), one).apply(w, out, 1);
        assertEquals(0.01f, out[0]);
        assertEquals(0.02 * 0.6, out[4], 1e-8);
        assertEquals(0.02 * 0.8, out[5], 1e-8);
        assertEquals(1e-5, out[8], 1e-12);
        assertEquals(0.01f, out[12]);
        assertEquals(0.01f, out[16]);
    }

    @Test
    void aChainFeedsTheTransformedGradientToTheRule() {
        float[] w = Fixture.gaussian(3, layout.size(), 1);
        float[] g = Fixture.gaussian(4, layout.size(), 100);
        TensorReference chain = TensorReferences.create("clip_global_norm", layout, Map.of(), Map.of(), w);
        float[] after = w.clone();
        chain.step(after, g.clone(), 1);
        float[] clipped = g.clone();
        new ClipGlobalNormReference(Fixture.defaults(), layout).apply(w, clipped, 1);
        for (int i = 0; i < w.length; i++) {
            // sgd.opt: w - eps * g with eps = 0.001
            assertEquals(w[i] - 0.001f * clipped[i], after[i], "element " + i);
        }
        assertTrue(TensorReferences.isTransform("agc"));
    }
}

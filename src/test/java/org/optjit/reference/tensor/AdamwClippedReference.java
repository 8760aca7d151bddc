package org.optjit.reference.tensor;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Global-norm clipping ({@link ClipGlobalNormReference}, max_norm = 1) followed by AdamW
 * ({@link AdamW}; lr = 0.001, weight_decay = 0.01 as torch.optim.AdamW) on the clipped
 * gradient, in one step.
 */
final class AdamwClippedReference implements TensorReference {

    private final Layout layout;
    private final ClipGlobalNormReference clip;
    private final AdamW[] adam;
    private final double[] lr;
    private final double[] weightDecay;
    private final float[] m;
    private final float[] v;

    AdamwClippedReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        clip = new ClipGlobalNormReference(h, layout);
        adam = AdamW.perTensor(h, layout);
        lr = h.perTensor(layout, "lr", 0.001);
        weightDecay = h.perTensor(layout, "weight_decay", 0.01);
        m = new float[w.length];
        v = new float[w.length];
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        float[] clipped = g.clone();
        clip.apply(w, clipped, t);
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            adam[k].step(w, clipped, m, v, x.offset(), x.end(), lr[k], weightDecay[k], t);
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

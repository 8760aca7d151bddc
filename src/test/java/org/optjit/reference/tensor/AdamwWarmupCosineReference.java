package org.optjit.reference.tensor;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * AdamW ({@link AdamW}) with linear warm-up and cosine decay of the learning rate (Loshchilov
 * and Hutter 2017, SGDR, without restarts; Goyal et al. 2017 for the warm-up):
 * <pre>
 *   p    = clip((t - warmup) / (total - warmup), 0, 1)
 *   lr_t = lr min(1, t / warmup) (min_ratio + (1 - min_ratio) (1 + cos(pi p)) / 2)
 *   w   <- AdamW(w, g) with lr_t
 * </pre>
 * lr = 0.001, weight_decay = 0.01, betas (0.9, 0.999), eps = 1e-8 (torch.optim.AdamW);
 * warmup = 100, total = 5000, min_ratio = 0 (decay to 0, as torch's CosineAnnealingLR).
 */
final class AdamwWarmupCosineReference implements TensorReference {

    private final Layout layout;
    private final AdamW[] adam;
    private final double[] lr;
    private final double[] weightDecay;
    private final double[] warmup;
    private final double[] total;
    private final double[] minRatio;
    private final float[] m;
    private final float[] v;

    AdamwWarmupCosineReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        adam = AdamW.perTensor(h, layout);
        lr = h.perTensor(layout, "lr", 0.001);
        weightDecay = h.perTensor(layout, "weight_decay", 0.01);
        warmup = h.perTensor(layout, "warmup", 100);
        total = h.perTensor(layout, "total", 5000);
        minRatio = h.perTensor(layout, "min_ratio", 0);
        m = new float[w.length];
        v = new float[w.length];
    }

    /** The scheduled learning rate at step {@code t} (in double: it is one value per step). */
    static double scheduled(double lr, double warmup, double total, double minRatio, long t) {
        double progress = Math.min(Math.max((t - warmup) / (total - warmup), 0), 1);
        return lr * Math.min(1, t / warmup) * (minRatio + (1 - minRatio) * (1 + Math.cos(Math.PI * progress)) / 2);
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            double lrT = scheduled(lr[k], warmup[k], total[k], minRatio[k], t);
            adam[k].step(w, g, m, v, x.offset(), x.end(), lrT, weightDecay[k], t);
        }
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v);
    }
}

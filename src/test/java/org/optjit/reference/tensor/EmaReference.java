package org.optjit.reference.tensor;

import static org.optjit.reference.F32.ema;

import java.util.Map;
import org.optjit.Layout;
import org.optjit.Layout.Tensor;

/**
 * Adam ({@link AdamW} without decay) with an exponential moving average of the weights
 * (Polyak averaging as torch.optim.swa_utils and timm's ModelEma keep it), which is what the
 * model is evaluated with:
 * <pre>
 *   w <- Adam(w, g);   ema <- decay ema + (1 - decay) w;   evaluate at ema
 * </pre>
 * decay = 0.999 (torch.optim.swa_utils.get_ema_multi_avg_fn); ema starts at w; Adam's
 * lr = 0.001, betas (0.9, 0.999), eps = 1e-8.
 */
final class EmaReference implements TensorReference {

    private final Layout layout;
    private final AdamW[] adam;
    private final double[] lr;
    private final double[] decay;
    private final float[] m;
    private final float[] v;
    private final float[] average;

    EmaReference(TensorHypers h, Layout layout, float[] w) {
        this.layout = layout;
        adam = AdamW.perTensor(h, layout);
        lr = h.perTensor(layout, "lr", 0.001);
        decay = h.perTensor(layout, "decay", 0.999);
        m = new float[w.length];
        v = new float[w.length];
        average = w.clone();
    }

    @Override
    public void step(float[] w, float[] g, long t) {
        for (Tensor x : layout.tensors()) {
            int k = x.index();
            adam[k].step(w, g, m, v, x.offset(), x.end(), lr[k], 0, t);
            for (int i = x.offset(); i < x.end(); i++) {
                average[i] = ema(decay[k], average[i], w[i]);
            }
        }
    }

    @Override
    public void evalWeights(float[] w, float[] out) {
        System.arraycopy(average, 0, out, 0, average.length);
    }

    @Override
    public Map<String, float[]> state() {
        return Map.of("m", m, "v", v, "ema", average);
    }
}

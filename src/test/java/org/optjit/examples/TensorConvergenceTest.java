package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Every example over tensors, at its published defaults, minimises an ill-conditioned
 * quadratic spread over matrices and vectors (curvatures 0.5 to 2 per weight, with gradient
 * noise): after 1,500 steps the loss is below 0.4 of where it started (the Adam family at lr 1e-3 with lookahead, an EMA or a cosine decay is no faster). As Optax tests
 * every optimizer on a parabola: a wrong sign, a trust ratio upside down or a state that
 * never updates fails here.
 */
class TensorConvergenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"clip_global_norm.opt+adamw.opt", "adamw_clipped.opt", "lars.opt", "lamb.opt",
            "novograd.opt", "adafactor.opt", "agc.opt+adamw.opt", "cautious_adamw.opt", "prodigy.opt",
            "dadapt_adam.opt", "schedule_free_adamw.opt", "lookahead.opt", "ema.opt", "adan.opt", "mars.opt",
            "muon.opt", "adamw_warmup_cosine.opt"})
    void minimisesAQuadratic(String spec) {
        StringBuilder path = new StringBuilder();
        for (String p : spec.split("\\+")) {
            path.append(path.length() == 0 ? "" : "+").append(Path.of("examples", p));
        }
        Optimizer opt = Rule.load(Path.of(path.toString())).compile(Backend.AUTO).bind(Map.of());
        Layout layout = Layout.builder().matrix("a", 12, 9).vector("b", 12).matrix("c", 5, 20).vector("d", 5).build();
        Random r = new Random(3);
        float[] w = new float[layout.size()];
        float[] curvature = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
            curvature[i] = 0.5f + 1.5f * r.nextFloat();
        }
        OptimizerState s = opt.newState(w, layout);
        float[] eval = new float[w.length];
        double start = loss(w, curvature);
        float[] g = new float[w.length];
        for (int step = 0; step < 1500; step++) {
            for (int i = 0; i < w.length; i++) {
                g[i] = curvature[i] * w[i] + 0.01f * (float) r.nextGaussian();
            }
            opt.step(w, g, s);
        }
        opt.evalWeights(w, s, eval);
        double end = loss(eval, curvature);
        assertTrue(end < 0.4 * start, spec + ": loss " + start + " -> " + end);
    }

    private static double loss(float[] w, float[] curvature) {
        double l = 0;
        for (int i = 0; i < w.length; i++) {
            l += 0.5 * curvature[i] * w[i] * w[i];
        }
        return l;
    }
}

package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

class TensorSmokeTest {

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"INTERPRETER", "SCALAR", "VECTOR"})
    void globalNormClipping(Backend backend) {
        Layout layout = Layout.builder().matrix("a", 3, 5).vector("b", 7).build();
        float[] w = new float[layout.size()];
        float[] g = new float[layout.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = (i % 5) - 2 + 0.25f * i;
        }
        Optimizer opt = Rule.parse("hyper max_norm = 1\ngn = norm[all](g)\ng *= min(1, max_norm/gn)\nw -= g")
                .compile(backend).bind(Map.of());
        OptimizerState s = opt.newState(w, layout);
        opt.step(w, g, s);
        double sq = 0;
        for (float x : w) {
            sq += (double) x * x;
        }
        assertEquals(1.0, Math.sqrt(sq), 1e-6);
    }
}

package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/** A group keeps the values it sets itself; for the others it follows the optimizer's. */
class GroupHyperparametersTest {

    @Test
    void aGroupKeepsWhatItSetsAndFollowsTheRest() {
        Optimizer opt = Rule.parse("hyper lr = 0.1, wd = 0.5\nw -= lr*(g + wd*w)").compile(Backend.SCALAR).bind(Map.of());
        opt.set("biases", "wd", 0.5);      // the same value as the default, set on purpose
        opt.set("wd", 0.25);               // the default changes; the group's own value does not
        opt.set("lr", 0.2);                // the group sets no lr: it follows
        assertEquals(0.5, opt.get("biases", "wd"));
        assertEquals(0.2, opt.get("biases", "lr"));
        assertEquals(0.25, opt.get("other", "wd"));

        Layout layout = Layout.builder().vector("a", 1).group("biases").vector("b", 1).build();
        float[] w = {1f, 1f};
        OptimizerState s = opt.newState(w, layout);
        opt.step(w, new float[] {0f, 0f}, s);
        assertEquals(1f - (float) (0.2 * 0.25), w[0], 1e-7f);
        assertEquals(1f - (float) (0.2 * 0.5), w[1], 1e-7f);
    }
}

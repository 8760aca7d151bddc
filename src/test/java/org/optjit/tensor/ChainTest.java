package org.optjit.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.Backend;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;
import org.optjit.RuleException;

/** Rule.chain: a transform then an optimizer, in one kernel, as if written as one rule. */
class ChainTest {

    static final String CLIP = "hyper max_norm = 1, lr = 7\ngn = norm[all](g)\ng *= min(1, max_norm/(gn + 1e-6))";
    static final String SGD = "hyper lr = 0.1\nw -= lr*g";

    @Test
    void aChainRunsItsPartsInOrderAndQualifiesSharedNames() {
        Rule chain = Rule.chain(Rule.parse(CLIP, "clip.opt"), Rule.parse(SGD, "sgd.opt"));
        assertEquals("clip+sgd", chain.name());
        assertEquals(List.of("max_norm", "clip.lr", "sgd.lr"),
                chain.hyperparameters().stream().map(Rule.Hyperparameter::name).toList());
        Rule byHand = Rule.parse("hyper max_norm = 1, lr = 0.1\ngn = norm[all](g)\ng *= min(1, max_norm/(gn + 1e-6))\n"
                + "w -= lr*g");
        Layout layout = Layout.builder().matrix("a", 4, 6).vector("b", 5).build();
        float[] g = new float[layout.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = i - 11.5f;
        }
        for (Backend backend : List.of(Backend.INTERPRETER, Backend.SCALAR, Backend.VECTOR)) {
            float[] w1 = new float[layout.size()];
            float[] w2 = new float[layout.size()];
            Optimizer a = chain.compile(backend).bind(Map.of());
            Optimizer b = byHand.compile(backend).bind(Map.of());
            OptimizerState sa = a.newState(w1, layout);
            OptimizerState sb = b.newState(w2, layout);
            for (int step = 0; step < 3; step++) {
                a.step(w1, g, sa);
                b.step(w2, g, sb);
            }
            assertArrayEquals(w2, w1, backend.toString());
            double norm = 0;
            for (float x : w1) {
                norm += (double) x * x;
            }
            assertEquals(0.3, Math.sqrt(norm), 1e-5, "three clipped steps of 0.1");
        }
    }

    @Test
    void aTransformAloneDoesNotCompileAndMustComeFirst() {
        Rule clip = Rule.parse(CLIP, "clip.opt");
        assertTrue(clip.transform());
        RuleException alone = assertThrows(RuleException.class, () -> clip.compile(Backend.SCALAR));
        assertTrue(alone.getMessage().contains("is a transform"), alone.getMessage());
        RuleException order = assertThrows(RuleException.class,
                () -> Rule.chain(Rule.parse(SGD, "sgd.opt"), clip));
        assertTrue(order.getMessage().contains("comes after a rule that assigns 'w'"), order.getMessage());
        RuleException twice = assertThrows(RuleException.class,
                () -> Rule.chain(Rule.parse(SGD, "sgd.opt"), Rule.parse(SGD, "sgd.opt")));
        assertTrue(twice.getMessage().contains("in the chain twice"), twice.getMessage());
        RuleException noW = assertThrows(RuleException.class, () -> Rule.chain(clip, Rule.parse(CLIP, "clip2.opt")));
        assertTrue(noW.getMessage().contains("no rule of the chain assigns 'w'"), noW.getMessage());
    }

    @Test
    void loadAcceptsPlusAndLooksBesideThePartBefore(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clip.opt"), CLIP);
        Files.writeString(dir.resolve("sgd.opt"), SGD);
        Rule r = Rule.load(Path.of(dir.resolve("clip.opt") + "+sgd.opt"));
        assertEquals("clip+sgd", r.name());
        RuleException missing = assertThrows(RuleException.class,
                () -> Rule.load(Path.of(dir.resolve("clip.opt") + "+nothing.opt")));
        assertTrue(missing.getMessage().contains("nothing.opt"), missing.getMessage());
    }
}

package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.Rule;

class LearningRateTest {

    @Test
    void modernRulesUseLrEvenWhenTheyHaveAnEpsilon() {
        assertEquals("lr", LearningRate.resolve(null, List.of("lr", "beta1", "beta2", "eps")));
        assertEquals("lr", LearningRate.of(Rule.parse("hyper lr = 0.1, eps = 1e-8\nw -= lr*g/(abs(g) + eps)"), null));
    }

    @Test
    void theLecturesRulesUseEps() {
        assertEquals("eps", LearningRate.resolve(null, List.of("mu", "eps")));
        assertEquals("eps", LearningRate.of(Rule.parse("v = mu*v - eps*g; w += v"), null));
    }

    @Test
    void anExplicitNameWinsAndARuleWithNeitherAsksForLr() {
        assertEquals("mu", LearningRate.resolve("mu", List.of("lr", "mu")));
        assertEquals("lr", LearningRate.resolve(null, List.of("step")), "so the check names 'lr' and lists 'step'");
    }
}

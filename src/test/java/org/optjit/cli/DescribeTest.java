package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optjit.Rule;

/** Defaults are shown as a rule would write them, and read back exactly. */
class DescribeTest {

    @Test
    void numbersLookLikeTheLanguagesLiterals() {
        assertEquals("1e-8", Describe.number(1e-8));
        assertEquals("-2.5e-10", Describe.number(-2.5e-10));
        assertEquals("1e20", Describe.number(1e20));
        assertEquals("0.001", Describe.number(0.001));
        assertEquals("2", Describe.number(2));
        assertEquals("2.718281828459045", Describe.number(Math.E));
    }

    @Test
    void everyNumberReadsBackAsItself() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(Describe.number(v)), Describe.number(v));
            }
        }
    }

    @Test
    void rolesShowDefaultsInTheRulesNotation() {
        Rule rule = Rule.parse("hyper lr = 0.001, delta = 1e-8\nms = 0.9*ms + 0.1*g^2\nw -= lr*g/(sqrt(ms) + delta)");
        assertEquals("hyperparameters: lr=0.001, delta=1e-8; state: ms", Describe.roles(rule));
    }
}

package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.optjit.Rule;

/** Defaults are shown as a rule would write them. */
class DescribeTest {

    @Test
    void rolesShowDefaultsInTheRulesNotation() {
        Rule rule = Rule.parse("hyper lr = 0.001, delta = 1e-8\nms = 0.9*ms + 0.1*g^2\nw -= lr*g/(sqrt(ms) + delta)");
        assertEquals("hyperparameters: lr=0.001, delta=1e-8; state: ms", Describe.roles(rule));
    }
}

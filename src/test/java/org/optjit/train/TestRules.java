package org.optjit.train;

import org.optjit.Rule;

/** Rules for the trainer's tests, written inline so that the tests do not depend on examples/. */
public final class TestRules {

    /** Classical momentum (lecture 6c) with the defaults the tests assume. */
    public static final String MOMENTUM = "hyper eps = 0.01\nhyper mu = 0.9\nstate v = 0\nv = mu*v - eps*g\nw += v\n";

    private TestRules() {
    }

    public static Rule momentum() {
        return Rule.parse(MOMENTUM, "momentum.opt");
    }
}

package org.optjit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** bind's message for a missing hyperparameter says where the rule reads it and what was probably meant. */
class BindMessagesTest {

    @Test
    void aMissingHyperparameterIsLocatedWithASuggestion() {
        Kernel k = Rule.parse("hyper mu = 0.9\nv = mu*v - lrr*g\nw += v\n", "mom.opt").compile(Backend.INTERPRETER);
        RuleException e = assertThrows(RuleException.class, () -> k.bind(Map.of("lr", 0.1)));
        String m = e.getMessage();
        assertTrue(m.contains("unknown hyperparameter 'lr'; did you mean 'lrr'?"), m);
        assertTrue(m.contains("'lrr' is read at mom.opt:2:12; did you mean 'lr'?"), m);
    }
}

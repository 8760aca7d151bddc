package org.optjit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** NaN and infinities are refused where they are given, with their location. */
class FiniteValuesTest {

    @Test
    void anOverflowingDefaultIsALocatedError() {
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse("hyper lr = 1e400\nw -= lr*g\n", "x.opt"));
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertEquals(1, e.diagnostics().get(0).line());
        assertEquals(12, e.diagnostics().get(0).column());
        assertTrue(e.getMessage().contains("1e400"), e.getMessage());
    }

    @Test
    void defaultsThatFoldToInfinityOrNaNAreLocatedErrors() {
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse("hyper a = 1/0, b = sqrt(-1)\nw -= a*b*g\n"));
        assertEquals(2, e.diagnostics().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'a' is Infinity"), e.getMessage());
        assertTrue(e.getMessage().contains("'b' is NaN"), e.getMessage());
    }

    @Test
    void anOverflowingLiteralInTheBodyIsAnError() {
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse("w -= 1e999*g"));
        assertEquals(6, e.diagnostics().get(0).column());
    }

    @Test
    void bindAndSetRefuseNonFiniteValues() {
        Kernel k = Rule.parse("w -= lr*g").compile(Backend.INTERPRETER);
        RuleException e = assertThrows(RuleException.class, () -> k.bind(Map.of("lr", Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("'lr'") && e.getMessage().contains("finite"), e.getMessage());
        Optimizer o = k.bind(Map.of("lr", 0.1));
        assertThrows(RuleException.class, () -> o.set("lr", Double.NaN));
        assertEquals(0.1, o.get("lr"));
    }
}

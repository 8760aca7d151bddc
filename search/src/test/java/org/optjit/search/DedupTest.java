package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.ast.Stmt;
import org.optjit.search.check.Checker;
import org.optjit.search.check.Dedup;
import org.optjit.search.check.Rejection;
import org.optjit.search.space.SearchForm;
import org.optjit.syntax.RuleParser;

class DedupTest {

    private static List<Stmt> rule(String text) {
        return SearchForm.canonical(RuleParser.parse(text, "r.opt").statements());
    }

    @Test
    void sameIrAfterRenamingAndFoldingIsADuplicate() {
        Checker c = new Checker(new Dedup());
        assertNull(c.check(rule("v = 0.9*v + g\nw -= lr*v")).rejection());
        // the same text is caught before it is parsed
        assertEquals(Rejection.DUPLICATE_SOURCE, c.check(rule("m = 0.9*m + g\nw -= lr*m")).rejection());
        // other names, and a constant the compiler folds: the same IR
        assertEquals(Rejection.DUPLICATE_IR, c.check(rule("mom = (0.45 + 0.45)*mom + g\nw -= lr*mom")).rejection());
        // dead code is removed before the IR is compared
        assertEquals(Rejection.DUPLICATE_IR, c.check(rule("v = 0.9*v + g\nunused = sqrt(g)\nw -= lr*v")).rejection());
    }

    @Test
    void differentIrSameBehaviourIsADuplicate() {
        Checker c = new Checker(new Dedup());
        assertNull(c.check(rule("w -= lr*g")).rejection());
        // max(g, g) is g, which the IR does not see but the fingerprint does
        assertEquals(Rejection.DUPLICATE_BEHAVIOUR, c.check(rule("w -= lr*max(g, g)")).rejection());
        assertNull(c.check(rule("w -= lr*sign(g)")).rejection());
    }

    @Test
    void rulesThatNeverMoveTheWeightsOrBlowUpAreRejected() {
        Checker c = new Checker(new Dedup());
        assertEquals(Rejection.NO_UPDATE, c.check(rule("v = 0.9*v + g")).rejection());
        assertEquals(Rejection.NO_UPDATE, c.check(rule("w -= lr*0*g")).rejection());
        assertEquals(Rejection.NOT_FINITE, c.check(rule("w -= lr*log(0*g)")).rejection());
        assertEquals(Rejection.INVALID, c.check(rule("w -= lr*mystery")).rejection());
    }
}

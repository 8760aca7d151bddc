package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutABetterValidationError() {
        EarlyStopping s = new EarlyStopping(2);
        assertFalse(s.observe(1, 0.3));
        assertFalse(s.observe(2, 0.2));
        assertFalse(s.observe(3, 0.25));
        assertTrue(s.observe(4, 0.2), "equal is not better");
        assertEquals(2, s.bestEpoch());
    }

    @Test
    void anImprovementRestartsTheCount() {
        EarlyStopping s = new EarlyStopping(2);
        s.observe(1, 0.3);
        s.observe(2, 0.31);
        assertFalse(s.observe(3, 0.1));
        assertFalse(s.observe(4, 0.2));
        assertEquals(3, s.bestEpoch());
    }

    @Test
    void zeroPatienceNeverStops() {
        EarlyStopping s = new EarlyStopping(0);
        for (int e = 1; e < 10; e++) {
            assertFalse(s.observe(e, e));
        }
        assertEquals(1, s.bestEpoch());
    }
}

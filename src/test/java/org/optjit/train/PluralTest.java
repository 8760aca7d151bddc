package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 epoch", Plural.of(1, "epoch"));
        assertEquals("0 epochs", Plural.of(0, "epoch"));
        assertEquals("2 classes", Plural.of(2, "class"));
        assertEquals("3 batches", Plural.of(3, "batch"));
    }
}

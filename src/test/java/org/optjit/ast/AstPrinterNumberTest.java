package org.optjit.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers are printed as a rule would write them, and read back exactly. */
class AstPrinterNumberTest {

    @Test
    void numbersLookLikeTheLanguagesLiterals() {
        assertEquals("1e-8", AstPrinter.number(1e-8));
        assertEquals("-2.5e-10", AstPrinter.number(-2.5e-10));
        assertEquals("1e20", AstPrinter.number(1e20));
        assertEquals("0.001", AstPrinter.number(0.001));
        assertEquals("2", AstPrinter.number(2));
        assertEquals("2.718281828459045", AstPrinter.number(Math.E));
    }

    @Test
    void everyNumberReadsBackAsItself() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(AstPrinter.number(v)), AstPrinter.number(v));
            }
        }
    }
}

package org.optjit.baseline;

import static org.junit.jupiter.api.Assertions.fail;

/** Bitwise comparison of float arrays (NaNs compare equal to each other whatever their payload). */
final class Bits {

    private Bits() {
    }

    static void assertBitwiseEqual(float[] expected, float[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": lengths differ: " + expected.length + " and " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + "[" + i + "]: expected " + expected[i] + " (0x"
                        + Integer.toHexString(Float.floatToRawIntBits(expected[i])) + ") but was " + actual[i]
                        + " (0x" + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + ")");
            }
        }
    }
}

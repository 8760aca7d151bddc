package org.optjit.cli;

/** Counts with their noun in the right number: "1 warning", "2 warnings". */
final class Plural {

    private Plural() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1. */
    static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}

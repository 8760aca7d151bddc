package org.optjit.train;

/** Counts with their noun in the right number: "1 warning", "2 warnings", "2 classes". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and {@code noun}, with an "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        boolean sibilant = noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("tch") || noun.endsWith("sh");
        return n + " " + (n == 1 ? noun : sibilant ? noun + "es" : noun + "s");
    }
}

package org.optjit.dl4j;

import java.util.Locale;

/** The {@code key=value} lines that benchmarks/dl4j/run.sh reads (numbers with a dot, whatever the locale). */
final class KeyValue {

    private KeyValue() {
    }

    static void print(String key, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
        System.out.println(key + "=" + v);
    }
}
